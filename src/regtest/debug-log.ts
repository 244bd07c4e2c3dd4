import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { lastLines } from './line-tail.js';

/** The last lines of the daemon's debug.log; '' when it has none yet. */
export async function debugLogTail(datadir: string, lines: number): Promise<string> {
  const path = join(datadir, 'regtest', 'debug.log');
  const maxBytes = 64 * 1024;
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const length = Math.min(size, maxBytes);
      const buf = Buffer.alloc(length);
      await file.read(buf, 0, length, size - length);
      return lastLines(buf.toString('utf8'), lines);
    } finally {
      await file.close();
    }
  } catch {
    return '';
  }
}
