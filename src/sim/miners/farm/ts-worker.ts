import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChimeraError } from '../../../errors.js';

/**
 * Starts a worker thread on a TypeScript entry. The project runs its sources through tsx,
 * and on Node 20 a worker's `execArgv: ['--import', 'tsx']` does not hook the loader before
 * the entry is read, so the worker starts on a tiny ESM bootstrap that registers tsx's
 * loader in the worker and then imports the entry. Works under tsx and under vitest alike.
 */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const code = [
    `const { register } = await import(${JSON.stringify(tsxApiUrl())});`,
    'register();',
    `await import(${JSON.stringify(entry.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData });
}

let cached: string | undefined;

function tsxApiUrl(): string {
  if (cached !== undefined) return cached;
  const root = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = join(root, 'dist', 'esm', 'api', 'index.mjs');
  if (!existsSync(api)) {
    throw new ChimeraError('TSX_LOADER_MISSING', `tsx's ESM API is not at ${api}`);
  }
  cached = pathToFileURL(api).href;
  return cached;
}
