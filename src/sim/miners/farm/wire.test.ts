import { afterEach, describe, expect, it } from 'vitest';
import { duplicateShares } from '../behaviours/duplicate-shares.js';
import { malformedJson } from '../behaviours/line-abuse.js';
import { judgeBehaviour } from '../behaviours/verdict.js';
import { farmSpec } from './farm-spec.js';
import { startTcpPool, type TcpPool } from './tcp.fixtures.js';
import { startWallFarm, type WallFarm } from './wall-farm.js';
import { WorkerFarm } from './worker-farm.js';

let pool: TcpPool | undefined;
let wall: WallFarm | undefined;
let workers: WorkerFarm | undefined;
afterEach(async () => {
  await wall?.stop();
  await workers?.stop();
  await pool?.close();
  wall = undefined;
  workers = undefined;
  pool = undefined;
});

/** CPU units at ~400 H/s: several real shares a second at the pool's start difficulty. */
function cpuSpec(id: string, count: number, behaviour = 'honest') {
  return farmSpec({
    id,
    seed: id,
    algorithm: 'sha256d',
    address: 'addr1',
    groups: [{ profile: 'cpu-generic', count, behaviour }],
    hashrateScale: 1e-5,
  });
}

describe('farms over TCP on the wall clock (wire fidelity)', () => {
  it('an honest farm mines real shares over loopback, one source address per miner', async () => {
    // Arrange
    pool = await startTcpPool();
    const p = pool;
    // Act
    wall = await startWallFarm(cpuSpec('tcp', 4), { pool: { host: '127.0.0.1', port: p.port } });
    const farm = wall.farm;
    await p.until(() => farm.report().accepted >= 40);
    // Assert
    const report = farm.report();
    expect(report.acceptance).toBeGreaterThanOrEqual(0.99);
    expect(report.latency.count).toBe(report.submitted - report.unanswered);
    expect(report.latency.maxMs).toBeGreaterThan(0);
    expect(new Set(p.sink.accepted.map((s) => s.sessionId)).size).toBe(4);
    expect(p.server.counters().connectionsAccepted).toBe(4);
  });

  it('duplicate shares over TCP are refused with 22, as in memory', async () => {
    pool = await startTcpPool();
    const p = pool;
    wall = await startWallFarm(cpuSpec('dup', 2, 'duplicate-shares'), {
      pool: { host: '127.0.0.1', port: p.port },
      keepTruth: true,
    });
    const farm = wall.farm;
    await p.until(() => (farm.report().rejected['22 Duplicate share'] ?? 0) >= 10);
    await wall.stop();
    expect(judgeBehaviour(duplicateShares.expected, farm.truths())).toMatchObject({ ok: true });
  });

  it('a ban for malformed lines hits the abuser only: each miner has its own loopback IP', async () => {
    // Arrange
    pool = await startTcpPool({ ban: { maxProtocolErrors: 5 } });
    const p = pool;
    const spec = farmSpec({
      id: 'mix',
      seed: 'mix',
      algorithm: 'sha256d',
      address: 'addr1',
      groups: [
        { profile: 'cpu-generic', count: 1, behaviour: 'malformed-json' },
        { profile: 'cpu-generic', count: 2 },
      ],
      hashrateScale: 1e-5,
    });
    // Act
    wall = await startWallFarm(spec, {
      pool: { host: '127.0.0.1', port: p.port },
      keepTruth: true,
    });
    const farm = wall.farm;
    // The pool answers the last line, then hangs up: once the abuser saw the close, it read all.
    const abuserClosed = (): boolean =>
      farm.miners[0]!.snapshot().sessions[0]?.closedAtMs !== undefined;
    await p.until(() => abuserClosed() && farm.report().accepted >= 20);
    await wall.stop();
    // Assert
    const [abuser] = farm.truths();
    expect(judgeBehaviour(malformedJson.expected, [abuser!])).toMatchObject({
      ok: true,
      evidence: 5,
    });
    expect(p.server.isBanned('127.10.0.1')).toBe(true);
    expect(p.server.isBanned('127.10.0.2')).toBe(false);
  });

  it('spreads a farm over two worker threads and merges their figures', async () => {
    // Arrange
    pool = await startTcpPool();
    const p = pool;
    // Act
    workers = await WorkerFarm.start(
      {
        id: 'threads',
        seed: 5,
        algorithm: 'sha256d',
        address: 'addr1',
        hashrateScale: 1e-5,
        groups: [{ profile: 'cpu-generic', count: 6 }],
      },
      { pool: { host: '127.0.0.1', port: p.port }, threads: 2, keepTruth: true },
    );
    await p.until(() => p.sink.accepted.length >= 60);
    const { report, truths } = await workers.stop();
    workers = undefined;
    // Assert
    expect(report.miners).toBe(6);
    expect(report.accepted).toBeGreaterThanOrEqual(50);
    expect(report.acceptance).toBeGreaterThanOrEqual(0.99);
    expect(truths.map((t) => t.minerId).sort()).toEqual([
      'threads-0-0',
      'threads-0-1',
      'threads-0-2',
      'threads-0-3',
      'threads-0-4',
      'threads-0-5',
    ]);
    expect(new Set(p.sink.accepted.map((s) => s.sessionId)).size).toBe(6);
  });
});
