import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

/** What the bench reads of autocannon's JSON result (it ships no types). */
export interface CannonOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds. */
  readonly duration: number;
  /** Requests per second over all connections; omitted: as fast as possible. */
  readonly overallRate?: number;
}

export interface CannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

const run = promisify(execFile);
const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** autocannon in its own process, so the load does not share the API's event loop. */
export async function fire(opts: CannonOptions): Promise<CannonResult> {
  const args = [cli, '--json', '-c', String(opts.connections), '-d', String(opts.duration)];
  if (opts.overallRate !== undefined) args.push('-R', String(opts.overallRate));
  const { stdout } = await run(process.execPath, [...args, opts.url], { maxBuffer: 16 << 20 });
  return JSON.parse(stdout) as CannonResult;
}
