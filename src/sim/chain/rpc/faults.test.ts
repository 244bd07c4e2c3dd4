import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../../errors.js';
import { BITCOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import { isNodeFailure } from '../../../pool/node/rpc-errors.js';
import { VirtualTime } from '../../../runtime/index.js';
import { START_MS } from '../chain.fixtures.js';
import { CONTROL_METHOD_DOCS, CONTROL_METHODS } from './control-methods.js';
import { startSimRpc, until, type SimRpc } from './rpc.fixtures.js';

/** Faults and chain events asked through the control methods, as the pool's client meets them. */

async function rejection(p: Promise<unknown>): Promise<ChimeraError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ChimeraError))
    throw new Error(`expected a ChimeraError, got ${String(err)}`);
  return err;
}

async function withSim(run: (rpc: SimRpc, vt: VirtualTime) => Promise<void>): Promise<void> {
  const vt = new VirtualTime(START_MS);
  const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, scheduler: vt, premine: 5 });
  try {
    await run(rpc, vt);
  } finally {
    await rpc.close();
  }
}

describe('RPC faults through chimera.fault', () => {
  it('outage: the port refuses, then serves again on the same port once it lifts', () =>
    withSim(async (rpc, vt) => {
      // Arrange
      const control = rpc.client();
      const pool = rpc.node(rpc.client({ retries: 0 }));
      const port = rpc.server.port;
      // Act
      const answer = await control.call('chimera.fault', ['outage', { forMs: 5_000 }]);
      await rpc.server.settled();
      const down = await rejection(pool.getBestBlock());
      await vt.advanceBy(5_000);
      await rpc.server.settled();
      const up = await pool.getBestBlock();
      // Assert
      expect(answer).toMatchObject({ outage: true });
      expect(down.code).toBe('RPC_UNREACHABLE');
      expect(down.details?.['errno']).toBe('ECONNREFUSED');
      expect(up.height).toBe(5);
      expect(rpc.server.port).toBe(port);
    }));

  it('outage: a held longpoll is cut and the pool sees the daemon unreachable', () =>
    withSim(async (rpc, vt) => {
      const pool = rpc.node(rpc.client({ retries: 0 }));
      const waiting = rejection(pool.nextTemplate(await pool.getBlockTemplate()));
      await until(vt, () => rpc.server.callsInFlight === 1);
      rpc.server.faults.outage();
      const err = await waiting;
      expect(err.code).toBe('RPC_UNREACHABLE');
      expect(isNodeFailure(err)).toBe(true);
      rpc.server.faults.heal();
      await rpc.server.settled();
    }));

  it('slow: every daemon answer waits latencyMs on the clock; control methods do not', () =>
    withSim(async (rpc, vt) => {
      const control = rpc.client();
      const pool = rpc.node();
      await control.call('chimera.fault', ['slow', { latencyMs: 2_000 }]);
      let answered = false;
      const best = pool.getBestBlock().finally(() => {
        answered = true;
      });
      await until(vt, () => rpc.server.callsInFlight === 1);
      const status = (await control.call('chimera.status')) as { faults: { latencyMs: number } };
      await vt.advanceBy(1_999);
      const beforeLatency = answered;
      await vt.advanceBy(1);
      expect((await best).height).toBe(5);
      expect(beforeLatency).toBe(false);
      expect(status.faults.latencyMs).toBe(2_000);
    }));

  it('erroring: calls answer the error (-28 by default), submitblock as a value, until healed', () =>
    withSim(async (rpc) => {
      const control = rpc.client();
      const pool = rpc.node();
      await control.call('chimera.fault', ['erroring']);
      const err = await rejection(pool.getBestBlock());
      const submitted = await pool.submitBlock('00');
      await control.call('chimera.fault', ['erroring', { code: -1, message: 'boom', forMs: 10 }]);
      const custom = await rejection(pool.getBlockchainInfo());
      await control.call('chimera.heal');
      const healed = await pool.getBestBlock();
      expect(err.details).toMatchObject({ rpcCode: -28, rpcMessage: 'Loading block index...' });
      expect(isNodeFailure(err)).toBe(true);
      expect(submitted).toEqual({ kind: 'error', code: -28, message: 'Loading block index...' });
      expect(custom.details).toMatchObject({ rpcCode: -1, rpcMessage: 'boom' });
      expect(healed.height).toBe(5);
    }));

  it('refuses impossible faults with -8', () =>
    withSim(async (rpc) => {
      const control = rpc.client();
      const outage = await control.request('chimera.fault', ['outage']);
      const unknown = await control.request('chimera.fault', ['flood']);
      const latency = await control.request('chimera.fault', ['slow', { latencyMs: -1 }]);
      const reorg = await control.request('chimera.reorg', [99]);
      const burst = await control.request('chimera.hashrateburst', [0, 1_000]);
      for (const r of [outage, unknown, latency, reorg, burst]) {
        expect(r).toMatchObject({ ok: false, code: -8 });
      }
      expect(rpc.server.faults.state).toMatchObject({ outage: false, latencyMs: 0 });
    }));
});

describe('chain events through the control methods', () => {
  it('reorg: the old tip leaves the main chain (confirmations -1) and a longer branch wins', () =>
    withSim(async (rpc) => {
      const control = rpc.client();
      const pool = rpc.node();
      const oldTip = await pool.getBestBlock();
      const answer = (await control.call('chimera.reorg', [2])) as {
        branch: string[];
        tip: { hash: string; height: number };
      };
      const orphan = await pool.getBlock(oldTip.hash);
      const best = await pool.getBestBlock();
      expect(orphan?.confirmations).toBe(-1);
      expect(answer.branch).toHaveLength(3);
      expect(best).toEqual({ hash: answer.tip.hash, height: oldTip.height + 1 });
    }));

  it('difficulty jump: the next template is that many times harder', () =>
    withSim(async (rpc) => {
      const control = rpc.client();
      const pool = rpc.node();
      const before = await pool.getBlockTemplate();
      const answer = (await control.call('chimera.difficultyjump', [1000])) as { bits: string };
      const after = await pool.getBlockTemplate();
      expect(after.bits.toString(16).padStart(8, '0')).toBe(answer.bits);
      expect(before.target / after.target).toBeGreaterThanOrEqual(999n);
      expect(before.target / after.target).toBeLessThanOrEqual(1001n);
    }));

  it('hashrate, burst, tx rate and mining, as chimera.status reports them', () =>
    withSim(async (rpc, vt) => {
      const control = rpc.client();
      await control.call('chimera.sethashrate', [1000, 'big']);
      await control.call('chimera.hashrateburst', [4, 1_000]);
      const during = (await control.call('chimera.status')) as { externalHashrate: number };
      await vt.advanceBy(1_000);
      const after = (await control.call('chimera.status')) as { externalHashrate: number };
      const mined = (await control.call('chimera.mine', [3])) as string[];
      const rate = await control.call('chimera.settxrate', [2.5]);
      const count = await control.call('getblockcount');
      expect(during.externalHashrate).toBe(4000);
      expect(after.externalHashrate).toBe(1000);
      expect(mined).toHaveLength(3);
      expect(count).toBe(8);
      expect(rate).toEqual({ txPerSec: 2.5 });
    }));

  it('documents every control method, and only those', () => {
    expect(CONTROL_METHODS.map((m) => m.name).sort()).toEqual(
      Object.keys(CONTROL_METHOD_DOCS).sort(),
    );
    for (const doc of Object.values(CONTROL_METHOD_DOCS))
      expect(doc.description.length).toBeGreaterThan(20);
  });
});
