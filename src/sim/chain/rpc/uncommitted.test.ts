import { describe, expect, it } from 'vitest';
import { decodeBlock } from '../../../pool/core/block/index.js';
import { createRng } from '../../../runtime/index.js';
import { makeSim } from '../chain.fixtures.js';
import { customBlock } from '../pool-block.fixtures.js';
import { syntheticTx } from '../synthetic-tx.js';
import { RpcApp } from './rpc-app.js';
import { updateUncommittedBlockStructures } from './uncommitted.js';

/**
 * submitblock fills in the coinbase witness reserved value as Bitcoin Core does
 * (UpdateUncommittedBlockStructures): NOMP-family pools submit their coinbase without it.
 */

function withTraffic(n: number): ReturnType<typeof makeSim> {
  const made = makeSim();
  const rng = createRng('traffic');
  for (let i = 0; i < n; i++) {
    made.sim.addTransaction(
      syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 0.5 } }),
    );
  }
  return made;
}

async function rpc(made: ReturnType<typeof makeSim>, method: string, params: unknown[]) {
  const app = new RpcApp({ sim: made.sim, scheduler: made.vt, credentials: 'pool:pw' });
  const reply = await app.inject({ body: JSON.stringify({ method, params, id: 1 }) });
  if (reply === undefined) throw new Error('no reply');
  return JSON.parse(reply.body) as { result: unknown; error: unknown };
}

describe('submitblock: the witness reserved value a committed coinbase left out', () => {
  it('accepts a block whose coinbase commits to witnesses but carries none, and stores it with the reserved value', async () => {
    // Arrange: the commitment covers two segwit transactions; the coinbase is in legacy form
    const made = withTraffic(2);
    const t = made.sim.blockTemplate();
    const legacy = customBlock({ template: t, coinbaseWitness: [] });
    // Act
    const submitted = await rpc(made, 'submitblock', [legacy.hex]);
    const stored = await rpc(made, 'getblock', [legacy.hash, 0]);
    // Assert
    expect(submitted).toEqual({ result: null, error: null, id: 1 });
    expect(made.sim.tip.hashHex).toBe(legacy.hash);
    const decoded = decodeBlock(Buffer.from(stored.result as string, 'hex'));
    expect(decoded.ok && decoded.block.transactions[0]?.inputs[0]?.witness).toEqual([
      Buffer.alloc(32),
    ]);
  });

  it('leaves proposals and the simulator itself strict: bad-witness-nonce-size there', async () => {
    const made = withTraffic(1);
    const legacy = customBlock({ template: made.sim.blockTemplate(), coinbaseWitness: [] });
    const proposal = await rpc(made, 'getblocktemplate', [{ mode: 'proposal', data: legacy.hex }]);
    expect(proposal.result).toBe('bad-witness-nonce-size');
    expect(made.sim.submitBlock(legacy.hex)).toEqual({
      kind: 'rejected',
      reason: 'bad-witness-nonce-size',
    });
  });

  it('changes nothing else: a coinbase with its witness, an unknown parent, text that is not hex', () => {
    const { sim } = withTraffic(1);
    const t = sim.blockTemplate();
    const committed = customBlock({ template: t });
    const orphan = customBlock({
      template: t,
      coinbaseWitness: [],
      header: { prevHash: Buffer.alloc(32, 7) },
    });
    expect(updateUncommittedBlockStructures(sim, committed.hex)).toBe(committed.hex);
    expect(updateUncommittedBlockStructures(sim, orphan.hex)).toBe(orphan.hex);
    expect(updateUncommittedBlockStructures(sim, 'zz')).toBe('zz');
    expect(updateUncommittedBlockStructures(sim, '0')).toBe('0');
  });
});
