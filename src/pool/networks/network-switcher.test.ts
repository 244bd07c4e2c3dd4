import { afterEach, describe, expect, it } from 'vitest';
import { ChimeraError } from '../../errors.js';
import { scryptNodeCrypto } from '../core/algorithms/index.js';
import type { NetworkSwitch } from '../store/books/network-switches.js';
import { encodeSubmitRequest } from '../stratum/codec/encode-requests.js';
import type { NotifyFields } from '../stratum/codec/messages.js';
import { createHarness, type Harness } from '../stratum/harness.fixtures.js';
import {
  EASY,
  FixedJobSource,
  grind,
  poolJob,
  sha256dHasher,
  silentLogger,
  testConfig,
} from '../stratum/stratum.fixtures.js';
import { createPoolBench, type PoolBench } from '../../sim/miners/miner/miner.fixtures.js';
import { NetworkSwitcher, type DaemonCheck } from './network-switcher.js';

let bench: PoolBench | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await bench?.close();
  await h?.close();
  bench = undefined;
  h = undefined;
});

const A = 'ltc-regtest';
const B = 'net-b';

/** Network B: its own jobs (ids k..., never colliding with A's j...), same proof of work. */
function networkB(hasher = sha256dHasher) {
  const jobs = new FixedJobSource({ ...poolJob('k1', true) });
  return { policy: testConfig({ network: B }).session, jobs, hasher };
}

function history(): { events: NetworkSwitch[]; record(e: NetworkSwitch): Promise<void> } {
  const events: NetworkSwitch[] = [];
  return { events, record: (e) => Promise.resolve(void events.push(e)) };
}

const healthy: DaemonCheck = () => Promise.resolve(undefined);

describe('NetworkSwitcher with virtual miners', () => {
  it('moves a canary, then everyone, while miners stay connected and keep getting shares accepted', async () => {
    // Arrange
    bench = createPoolBench();
    const b = networkB();
    bench.server.addNetwork(b);
    const miners = Array.from({ length: 10 }, () => bench!.miner());
    for (const m of miners) m.start();
    await bench.vt.advanceBy(60_000);
    const log = history();
    const switcher = new NetworkSwitcher({
      server: bench.server,
      checks: new Map([
        [A, healthy],
        [B, healthy],
      ]),
      scheduler: bench.vt,
      logger: silentLogger(),
      history: log,
      policy: { canaryFraction: 0.3, canaryMs: 60_000, minCanaryShares: 3 },
    });
    // Act
    const done = switcher.switchTo(B, { actor: 'alice', reason: 'test' });
    await bench.vt.advanceBy(61_000);
    const outcome = await done;
    const switchedAt = bench.vt.nowMs();
    await bench.vt.advanceBy(120_000);
    // Assert
    expect(outcome).toMatchObject({
      kind: 'completed',
      canary: { moved: 4, reconnected: 0 },
      rest: { moved: 6, reconnected: 0 },
    });
    if (outcome.kind !== 'completed') throw new Error('not completed');
    expect(outcome.canaryShares.accepted).toBeGreaterThan(3);
    expect(outcome.canaryShares.rejected).toBe(0);
    expect(bench.server.sessionsByNetwork()).toEqual(new Map([[B, 10]]));
    expect(switcher.current).toBe(B);
    const later = bench.sink.accepted.filter((s) => s.timeMs > switchedAt + 10_000);
    expect(later.length).toBeGreaterThan(10);
    expect(later.every((s) => s.network === B && s.jobId === 'k1')).toBe(true);
    expect(miners.every((m) => m.snapshot().sessions.length === 1)).toBe(true);
    expect(log.events.map((e) => [e.phase, e.from, e.to, e.actor])).toEqual([
      ['started', A, B, 'alice'],
      ['completed', A, B, 'alice'],
    ]);
  });

  it('rolls the canary back when the target daemon fails during the canary', async () => {
    // Arrange
    bench = createPoolBench();
    bench.server.addNetwork(networkB());
    for (let i = 0; i < 6; i++) bench.miner().start();
    await bench.vt.advanceBy(30_000);
    let calls = 0;
    const flaky: DaemonCheck = () =>
      Promise.resolve(++calls > 3 ? 'connect ECONNREFUSED 127.0.0.1:18443' : undefined);
    const log = history();
    const switcher = new NetworkSwitcher({
      server: bench.server,
      checks: new Map([[B, flaky]]),
      scheduler: bench.vt,
      logger: silentLogger(),
      history: log,
      policy: { canaryFraction: 0.5, canaryMs: 30_000 },
    });
    // Act
    const done = switcher.switchTo(B, { actor: 'bob' });
    await bench.vt.advanceBy(31_000);
    const outcome = await done;
    await bench.vt.advanceBy(60_000);
    // Assert
    expect(outcome).toMatchObject({ kind: 'rolled-back', canary: { moved: 3 } });
    if (outcome.kind !== 'rolled-back') throw new Error('not rolled back');
    expect(outcome.reason).toMatch(/daemon failed during the canary: connect ECONNREFUSED/);
    expect(bench.server.sessionsByNetwork()).toEqual(new Map([[A, 6]]));
    expect(switcher.current).toBe(A);
    expect(log.events.map((e) => e.phase)).toEqual(['started', 'rolled-back']);
  });

  it('sends client.reconnect to miners that cannot mine the target proof of work', async () => {
    bench = createPoolBench();
    bench.server.addNetwork({ ...networkB(), hasher: { ...scryptNodeCrypto } });
    for (let i = 0; i < 4; i++) bench.miner().start();
    await bench.vt.advanceBy(30_000);
    const switcher = new NetworkSwitcher({
      server: bench.server,
      checks: new Map([[B, healthy]]),
      scheduler: bench.vt,
      logger: silentLogger(),
      policy: { canaryFraction: 1, canaryMs: 1_000 },
    });
    const done = switcher.switchTo(B, { actor: 'ops' });
    await bench.vt.advanceBy(2_000);
    const outcome = await done;
    expect(outcome).toMatchObject({ canary: { moved: 0, reconnected: 4 } });
  });

  it('refuses before anyone moves: unknown network, the same network, a failed daemon check', async () => {
    bench = createPoolBench();
    bench.server.addNetwork(networkB());
    bench.miner().start();
    await bench.vt.advanceBy(10_000);
    const switcher = new NetworkSwitcher({
      server: bench.server,
      checks: new Map([[B, () => Promise.resolve('-28 Loading block index...')]]),
      scheduler: bench.vt,
      logger: silentLogger(),
    });
    const refusal = async (to: string): Promise<string> => {
      const err: unknown = await switcher.switchTo(to, { actor: 'x' }).catch((e: unknown) => e);
      if (!(err instanceof ChimeraError)) throw new Error('not refused');
      expect(err.code).toBe('NETWORK_SWITCH_REFUSED');
      return err.message;
    };
    expect(await refusal('nope')).toMatch(/no network nope/);
    expect(await refusal(A)).toMatch(/serves ltc-regtest already/);
    expect(await refusal(B)).toMatch(/failed its check: -28 Loading block index/);
    expect(await switcher.rollback({ actor: 'x' }).catch((e: Error) => e.message)).toMatch(
      /no completed switch/,
    );
    expect(bench.server.sessionsByNetwork()).toEqual(new Map([[A, 1]]));
  });
});

describe('NetworkSwitcher and the canary acceptance', () => {
  function submit(id: number, n: NotifyFields, en1: string, en2: string): string {
    return encodeSubmitRequest(id, {
      workerName: 'addr1.rig1',
      jobId: n.jobId,
      ...grind(n, en1, en2, EASY),
      versionBits: undefined,
    });
  }

  it('rolls back when the canary cannot get shares accepted on the target', async () => {
    // Arrange: a miner that ignores the new network's work and keeps mining the old job
    h = createHarness();
    h.server.addNetwork(networkB());
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    const switcher = new NetworkSwitcher({
      server: h.server,
      checks: new Map([[B, healthy]]),
      scheduler: h.vt,
      logger: silentLogger(),
      policy: { canaryFraction: 1, canaryMs: 10_000, minCanaryShares: 3, graceMs: 1_000 },
    });
    // Act
    const done = switcher.switchTo(B, { actor: 'carol' });
    await h.vt.advanceBy(2_000);
    const answers = [];
    for (let i = 0; i < 5; i++) {
      miner.send(submit(100 + i, notify, en1, `0000010${i}`));
      answers.push(await miner.response(100 + i));
    }
    await h.vt.advanceBy(9_000);
    const outcome = await done;
    // Assert
    expect(answers.map((a) => a.error?.code)).toEqual([21, 21, 21, 21, 21]);
    expect(outcome).toMatchObject({ kind: 'rolled-back' });
    if (outcome.kind !== 'rolled-back') throw new Error('not rolled back');
    expect(outcome.reason).toMatch(/canary acceptance 0\.000 < 0\.9 \(0\/5\)/);
    expect(h.server.sessionsByNetwork()).toEqual(new Map([[A, 1]]));
  });

  it('takes shares for the old network during the grace, booked on that network', async () => {
    h = createHarness();
    h.server.addNetwork(networkB());
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    const switcher = new NetworkSwitcher({
      server: h.server,
      checks: new Map([[B, healthy]]),
      scheduler: h.vt,
      logger: silentLogger(),
      policy: { canaryFraction: 1, canaryMs: 1_000, graceMs: 5_000 },
    });
    const done = switcher.switchTo(B, { actor: 'dave' });
    const fresh = await miner.until((m) => m.kind === 'notify' && m.jobId === 'k1');
    if (fresh.kind !== 'notify') throw new Error('no notify');
    miner.send(submit(200, notify, en1, '00000200'));
    const inGrace = await miner.response(200);
    miner.send(submit(201, fresh, en1, '00000201'));
    const onB = await miner.response(201);
    await h.vt.advanceBy(6_000);
    await done;
    miner.send(submit(202, notify, en1, '00000202'));
    const late = await miner.response(202);
    expect([inGrace.result, onB.result, late.error?.code]).toEqual([true, true, 21]);
    expect(fresh.cleanJobs).toBe(true);
    expect(h.sink.accepted.map((s) => [s.network, s.jobId])).toEqual([
      [A, 'j1'],
      [B, 'k1'],
    ]);
  });
});
