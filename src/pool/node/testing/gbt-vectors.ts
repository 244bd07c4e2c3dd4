import { readFileSync } from 'node:fs';

/** The real getblocktemplate answers recorded from litecoind and Bitcoin Core (read-only). */
export type GbtVectorName =
  | 'bitcoind-29.99-h102'
  | 'litecoind-0.21-h102'
  | 'litecoind-0.21-h102-empty'
  | 'litecoind-0.21-h432-mweb';

export function loadGbtVector(name: GbtVectorName): Record<string, unknown> {
  const url = new URL(`../../../../../shared/vectors/gbt/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}
