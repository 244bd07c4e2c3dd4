import { readdirSync, readFileSync } from 'node:fs';
import type { FdLimit } from './protocol.js';

/** Reads the "Max open files" line of a /proc/<pid>/limits text; undefined means unlimited. */
export function parseFdLimit(limitsText: string): FdLimit {
  const line = limitsText.split('\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = (line ?? '').slice('Max open files'.length).trim().split(/\s+/);
  const read = (v: string | undefined): number | undefined => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return { soft: read(soft), hard: read(hard) };
}

/** This process's open-file limits (Linux); both undefined where /proc is missing. */
export function fdLimit(): FdLimit {
  try {
    return parseFdLimit(readFileSync('/proc/self/limits', 'latin1'));
  } catch {
    return { soft: undefined, hard: undefined };
  }
}

/** Open file descriptors of this process (Linux), or -1. */
export function openFds(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return -1;
  }
}
