import { pino, type Logger } from 'pino';
import { VirtualTime } from '../../runtime/index.js';
import { useStore } from '../store/contract/fixture.js';
import { openStore, type Store } from '../store/index.js';
import { networkConfig, uniqueNetwork } from '../store/testing/shares.js';
import type { AcceptedShare } from '../stratum/ports.js';

export const T0 = 1_700_000_000_000;

/** One in-memory PGlite store for the enclosing describe; tests keep apart by network id. */
export function usePgliteStore(): () => Store {
  return useStore(async () => {
    const store = await openStore();
    return { store, close: () => store.close() };
  });
}

export async function freshNetwork(store: Store, label: string): Promise<string> {
  const id = uniqueNetwork(label);
  await store.networks.upsert(networkConfig(id), 1);
  return id;
}

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

/** A pino logger whose lines the test can read (JSON, parsed). */
export function capture(): { readonly logger: Logger; readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug', base: undefined, timestamp: false },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}

export const ERROR = 50;
export const WARN = 40;

/** A 64-hex-digit block hash from a number. */
export function hashOf(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export interface ShareSpec {
  readonly account: string;
  readonly work: bigint;
  readonly worker?: string;
  readonly timeMs: number;
  readonly verdict?: 'accepted' | 'block';
}

/** Writes shares through the real ledger, in order; returns their ids. */
export async function writeShares(
  store: Store,
  network: string,
  specs: readonly ShareSpec[],
): Promise<bigint[]> {
  const before = (await store.shares.newestId(network)) ?? 0n;
  const ledger = store.shares.ledger({ scheduler: new VirtualTime(T0), maxBatch: 10_000 });
  const written = specs.map((s, i) => ledger.record(acceptedShare(network, s, i)));
  await Promise.all([...written, ledger.close()]);
  const ids: bigint[] = [];
  for await (const s of store.shares.newestFirst(network)) {
    if (s.id <= before) break;
    ids.push(s.id);
  }
  return ids.reverse();
}

function acceptedShare(network: string, s: ShareSpec, i: number): AcceptedShare {
  return {
    network,
    address: s.account,
    worker: s.worker ?? 'rig',
    sessionId: '0a0b0c0d',
    jobId: `job-${i}`,
    difficulty: { num: 1n, den: 1n },
    work: s.work,
    hash: (1n << 200n) + BigInt(i),
    timeMs: s.timeMs,
    verdict: s.verdict ?? 'accepted',
  };
}

/** immature, payable, reserved, paid per address. */
export async function balances(
  store: Store,
  network: string,
): Promise<Record<string, readonly bigint[]>> {
  return Object.fromEntries(
    (await store.balances.list(network)).map((b) => [
      b.address,
      [b.immatureSats, b.payableSats, b.reservedSats, b.paidSats],
    ]),
  );
}
