/**
 * The share ledger (src/pool/store): how fast it writes shares, what a durable
 * acknowledgement costs a miner against ack-then-write, and how long crediting a block over
 * a PPLNS window of 1,000,000 shares takes (read + splitPplns). Each runs on embedded PGlite
 * and, when it answers, on the PostgreSQL server (DATABASE_URL_BENCH, else
 * DATABASE_URL_TEST, else the local test database); without it those are left out with a
 * note. For PostgreSQL read the wall rate: the server's work is in another process.
 */
import { randomUUID } from 'node:crypto';
import { probePostgres } from '../test/support/probe-postgres.js';
import { splitPplns } from '../src/pool/core/payouts/split.js';
import { WallScheduler, wallClock } from '../src/runtime/index.js';
import type { AckMode, ShareLedger } from '../src/pool/store/ledger/share-ledger.js';
import { createPgClient } from '../src/pool/store/sql/pg-client.js';
import { dropSchema } from '../src/pool/store/testing/pg-schema.js';
import { share } from '../src/pool/store/testing/shares.js';
import { openStore, storeOver, type Store } from '../src/pool/store/store.js';
import { MIGRATIONS, migrate } from '../src/pool/store/migrations/index.js';
import type { Benchmark, Operation } from './benchmark.js';

const DATABASE_URL =
  process.env['DATABASE_URL_BENCH'] ??
  process.env['DATABASE_URL_TEST'] ??
  'postgres://postgres@127.0.0.1:5432/test';

type Backend = 'pglite' | 'postgres';

/** Schemas made on the server, dropped when the run ends. */
const schemas: string[] = [];
let cleanupArmed = false;

async function open(backend: Backend): Promise<Store> {
  if (backend === 'pglite') return openStore();
  const schema = `chimera_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  schemas.push(schema);
  armCleanup();
  // Idle connections let the run end; the schema goes when it does.
  const sql = await createPgClient({ databaseUrl: DATABASE_URL, schema, allowExitOnIdle: true });
  return storeOver(sql, await migrate(sql, MIGRATIONS));
}

function armCleanup(): void {
  if (cleanupArmed) return;
  cleanupArmed = true;
  process.once('beforeExit', () => {
    void Promise.all(schemas.map((s) => dropSchema(DATABASE_URL, s)));
  });
}

const scheduler = new WallScheduler(wallClock);
let sequence = 0;

function ledgerOf(store: Store, mode: AckMode): ShareLedger {
  return store.shares.ledger({ scheduler, mode, maxQueued: 1_000_000 });
}

/** 1,000 shares recorded at once and awaited: one full batch, one transaction. */
async function writeThousand(backend: Backend): Promise<Operation> {
  const store = await open(backend);
  const ledger = ledgerOf(store, 'durable');
  return () =>
    Promise.all(
      Array.from({ length: 1000 }, () => ledger.record(share('bench-write', sequence++))),
    );
}

/**
 * One share recorded and awaited, as one miner's submit waits for its answer. The loop never
 * yields to timers, so ack-then-write is flushed every 5,000 shares to bound its queue; the
 * median sample holds no flush, so its figure is the acknowledgement alone (the deferred
 * write costs what write-1000 shows).
 */
async function acknowledge(backend: Backend, mode: AckMode): Promise<Operation> {
  const store = await open(backend);
  const ledger = ledgerOf(store, mode);
  return async () => {
    await ledger.record(share(`bench-ack-${mode}`, sequence++));
    if (ledger.stats().queued >= 5000) await ledger.flush();
  };
}

const WINDOW_SHARES = 1_000_000;
const SHARE_WORK = 281_474_976_710_656n; // difficulty 65,536 at 2^32 hashes per difficulty 1

/** A log of 1,200,000 shares from 2,000 accounts; the window takes the newest 1,000,000. */
async function pplnsCredit(backend: Backend): Promise<Operation> {
  const store = await open(backend);
  await store.sql.exec(`
    INSERT INTO shares (network, address, worker, session_id, job_id, difficulty_num,
                        difficulty_den, work, hash, time_ms, verdict)
    SELECT 'bench-pplns', 'addr' || (g % 2000), 'rig', '0a0b0c0d', 'job', 65536, 1,
           ${SHARE_WORK}, repeat('0', 64), g, 'accepted'
      FROM generate_series(1, ${WINDOW_SHARES + 200_000}) g;
    ANALYZE shares`);
  const windowWork = SHARE_WORK * BigInt(WINDOW_SHARES);
  return async () => {
    const window = await store.shares.window('bench-pplns', windowWork);
    if (window.shareCount !== WINDOW_SHARES) throw new Error(`window of ${window.shareCount}`);
    return splitPplns(window.byAccount, 625_000_000n, 100);
  };
}

function forBackend(backend: Backend): Benchmark[] {
  const on = backend === 'pglite' ? 'PGlite in memory' : 'PostgreSQL';
  return [
    {
      name: `ledger/write-1000-${backend}`,
      unit: 'kshare',
      note: `${on}: 1,000 shares recorded at once (durable), one INSERT over unnest in one transaction`,
      setup: () => writeThousand(backend),
    },
    {
      name: `ledger/ack-durable-${backend}`,
      unit: 'share',
      note: `${on}: one share recorded and awaited, durable (5 ms group commit): 1000/rate = ms per answer`,
      setup: () => acknowledge(backend, 'durable'),
    },
    {
      name: `ledger/ack-then-write-${backend}`,
      unit: 'share',
      note: `${on}: one share recorded and awaited, ack-then-write: the answer alone, the write follows`,
      setup: () => acknowledge(backend, 'ack-then-write'),
    },
    {
      name: `ledger/pplns-1m-${backend}`,
      unit: 'window',
      note: `${on}: PPLNS window of 1,000,000 shares (2,000 accounts) read and split`,
      setup: () => pplnsCredit(backend),
    },
  ];
}

/** PostgreSQL is asked once, briefly, when the module loads; unreachable, it is left out. */
async function postgresReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('no answer within 1.5 s'), 1500);
  });
  const reason = await Promise.race([probePostgres(DATABASE_URL), timeout]);
  clearTimeout(timer);
  if (reason !== undefined) {
    process.stderr.write(`[bench] ledger: PostgreSQL benchmarks left out: ${reason}\n`);
  }
  return reason === undefined;
}

export const benchmarks: Benchmark[] = [
  ...forBackend('pglite'),
  ...((await postgresReachable()) ? forBackend('postgres') : []),
];
