/**
 * The API under load: pool stats and per-address routes, served by a real listening API over
 * a seeded PGlite store, hit by autocannon at a fixed rate. Prints requests/s and p99 per
 * route and writes reports/bench/api-<stamp>.{json,md}. The target is p99 < 20 ms at
 * 1,000 requests/s.
 *
 *   node bin/run-ts.js bench/api/run.ts --rate 1000 --duration 10 --connections 20
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import {
  buildApi,
  MemoryEventFeed,
  MemoryPoolStats,
  type NetworkControl,
} from '../../src/api/index.js';
import { MemoryLiveState } from '../../src/pool/store/live/memory-live-state.js';
import { openStore, type Store } from '../../src/pool/store/index.js';
import { networkConfig } from '../../src/pool/store/testing/shares.js';
import { wallClock } from '../../src/runtime/index.js';
import { fire, type CannonResult } from './autocannon.js';

const NETWORK = 'ltc-bench';
const MINERS = 200;
const P99_TARGET_MS = 20;

const { values: v } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    out: { type: 'string', default: 'reports/bench' },
  },
});
const rate = Number(v.rate);
const duration = Number(v.duration);
const connections = Number(v.connections);

const addressOf = (i: number) => `ltc1qbench${i.toString().padStart(30, '0')}`;

async function seed(store: Store, stats: MemoryPoolStats): Promise<void> {
  const now = wallClock.nowMs();
  await store.networks.upsert(networkConfig(NETWORK), now);
  stats.setNetwork({
    network: NETWORK,
    poolHashrate: 2.5e12,
    networkHashrate: 1.2e15,
    networkDifficulty: '31415926.5',
    height: 2_500_000,
    minersOnline: MINERS,
    workersOnline: MINERS * 3,
    roundEffort: 0.61,
    ports: [{ port: 3333, difficulty: '0.001' }],
    counters: {
      connectionsOpen: MINERS * 3,
      connectionsAccepted: MINERS * 3,
      sharesAccepted: 1_000_000,
      blocks: 12,
      sharesRejected: { stale: 900, duplicate: 12 },
    },
  });
  for (let i = 0; i < MINERS; i++) {
    const address = addressOf(i);
    stats.setMiner(NETWORK, address, {
      hashrate: [{ windowMs: 600_000, hashesPerSecond: 1e10 }],
      workers: [0, 1, 2].map((w) => ({
        name: `rig${w}`,
        online: true,
        hashrate: [{ windowMs: 600_000, hashesPerSecond: 3e9 }],
        lastShareMs: now,
      })),
      shares: { accepted: 5000, blocks: 0, rejected: { stale: 4 } },
    });
    await store.sql.query(
      'INSERT INTO balances (network, address, immature_sats, payable_sats) VALUES ($1, $2, $3, $4)',
      [NETWORK, address, 1_000_000n, 250_000n],
    );
  }
}

function row(route: string, r: CannonResult): string {
  const ok = r.latency.p99 < P99_TARGET_MS && r.non2xx === 0 && r.errors === 0;
  return `| ${route} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${r.errors} | ${ok ? 'pass' : 'FAIL'} |`;
}

async function main(): Promise<void> {
  const store = await openStore();
  const stats = new MemoryPoolStats();
  await seed(store, stats);
  const control: NetworkControl = {
    status: () => Promise.resolve({ active: NETWORK, switching: undefined, previous: undefined }),
    switchTo: () => Promise.resolve({ kind: 'refused', reason: 'bench' }),
    rollback: () => Promise.resolve({ kind: 'refused', reason: 'bench' }),
  };
  const app = await buildApi({
    store,
    stats,
    control,
    events: new MemoryEventFeed(),
    live: new MemoryLiveState({ bucketMs: 60_000, retentionMs: 3_600_000 }),
    clock: wallClock,
    secrets: { randomBytes: (n) => randomBytes(n) },
    logger: pino({ level: 'warn' }),
    config: { defaultRateLimitPerMinute: 10_000_000 },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const routes = {
    'GET /api/v1/networks/:network': `${base}/api/v1/networks/${NETWORK}`,
    'GET /api/v1/networks/:network/miners/:address': `${base}/api/v1/networks/${NETWORK}/miners/${addressOf(7)}`,
  };
  const results: Record<string, CannonResult> = {};
  try {
    for (const [name, url] of Object.entries(routes)) {
      await fire({ url, connections, duration: 2 }); // warm-up
      results[name] = await fire({ url, connections, duration, overallRate: rate });
      const r = results[name];
      console.log(
        `${name}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
      );
    }
  } finally {
    await app.close();
    await store.close();
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await mkdir(v.out, { recursive: true });
  const summary = {
    rate,
    duration,
    connections,
    p99TargetMs: P99_TARGET_MS,
    store: 'PGlite in memory',
    results,
  };
  await writeFile(join(v.out, `api-${stamp}.json`), JSON.stringify(summary, null, 2) + '\n');
  const md = [
    `# API bench (${stamp})`,
    '',
    `Target ${rate} req/s for ${duration} s over ${connections} connections; p99 target < ${P99_TARGET_MS} ms. Store: PGlite in memory; pool stats from MemoryPoolStats (no farm running).`,
    '',
    '| route | req/s | p50 ms | p99 ms | non-2xx | errors | verdict |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(results).map(([name, r]) => row(name, r)),
    '',
  ].join('\n');
  await writeFile(join(v.out, `api-${stamp}.md`), md);
  console.log(`written ${join(v.out, `api-${stamp}.{json,md}`)}`);
}

await main();
