import { describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST, encodeAddress } from '../../pool/core/address/index.js';
import { MINER_A, MINER_B, WALLET_ADDRESS, makeSim } from './chain.fixtures.js';
import { minerScript } from './block-maker.js';
import { minePoolBlock } from './pool-block.fixtures.js';

const COIN = 100_000_000n;

function funded(): ReturnType<typeof makeSim> & { other: Buffer } {
  const made = makeSim();
  const other = minerScript(made.sim.coin, 'someone-else');
  made.sim.generate(1);
  made.sim.generate(100, other);
  return { ...made, other };
}

describe('pool wallet', () => {
  it("counts a coinbase only once it has coinbaseMaturity + 1 confirmations, as bitcoind's wallet does", () => {
    // Arrange
    const { sim } = makeSim();
    const other = minerScript(sim.coin, 'other');
    sim.generate(1);
    sim.generate(99, other);
    // Assert: 100 confirmations
    expect(sim.wallet?.balanceSats()).toBe(0n);
    expect(sim.wallet?.immatureSats()).toBe(50n * COIN);
    // Act
    sim.generate(1, other);
    // Assert: 101 confirmations
    expect(sim.wallet?.balanceSats()).toBe(50n * COIN);
    expect(sim.wallet?.immatureSats()).toBe(0n);
  });

  it('loses the coinbase of a pool block that a reorg drops', () => {
    const { sim } = makeSim();
    const block = minePoolBlock(sim.blockTemplate());
    expect(sim.submitBlock(block.hex)).toEqual({ kind: 'accepted' });
    expect(sim.wallet?.immatureSats()).toBe(50n * COIN);
    expect(sim.receivedBy(WALLET_ADDRESS)).toBe(50n * COIN);
    sim.reorg(1);
    expect(sim.wallet?.immatureSats()).toBe(0n);
    expect(sim.receivedBy(WALLET_ADDRESS)).toBe(0n);
  });

  it('pays several addresses in one transaction: balances before and after confirmation', () => {
    // Arrange
    const { sim, other } = funded();
    const wallet = sim.wallet!;
    // Act
    const sent = wallet.sendMany(
      new Map([
        [MINER_A, 1n * COIN],
        [MINER_B, 2n * COIN],
      ]),
      'round 1',
    );
    // Assert: in the mempool
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const payment = wallet.payments()[0]!;
    expect(payment).toMatchObject({
      txid: sent.txid,
      comment: 'round 1',
      status: { kind: 'mempool' },
    });
    expect(payment.feeSats).toBeGreaterThan(0n);
    expect(wallet.balanceSats()).toBe(50n * COIN - 3n * COIN - payment.feeSats);
    expect(sim.receivedBy(MINER_A, 0)).toBe(1n * COIN);
    expect(sim.receivedBy(MINER_A, 1)).toBe(0n);
    // Act: a block confirms it
    sim.generate(1, other);
    // Assert
    expect(sim.tip.txids).toEqual([sent.txid]);
    expect(sim.receivedBy(MINER_A)).toBe(1n * COIN);
    expect(sim.receivedBy(MINER_B)).toBe(2n * COIN);
    expect(wallet.payments()[0]?.status).toMatchObject({ kind: 'confirmed', confirmations: 1 });
    expect(wallet.balanceSats()).toBe(50n * COIN - 3n * COIN - payment.feeSats);
  });

  it("chains payments on unconfirmed change; the pool's block takes parent before child and is valid", () => {
    const { sim } = funded();
    const wallet = sim.wallet!;
    const a = wallet.sendMany(new Map([[MINER_A, 10n * COIN]]));
    const b = wallet.sendMany(new Map([[MINER_B, 30n * COIN]]));
    expect(a.ok && b.ok).toBe(true);
    const t = sim.blockTemplate();
    expect(t.transactions.map((x) => Buffer.from(x.txid).reverse().toString('hex'))).toEqual([
      a.ok ? a.txid : '',
      b.ok ? b.txid : '',
    ]);
    expect(sim.getBlockTemplateJson().transactions[1]?.depends).toEqual([1]);
    expect(sim.submitBlock(minePoolBlock(t).hex)).toEqual({ kind: 'accepted' });
    expect(sim.receivedBy(MINER_B)).toBe(30n * COIN);
    const fees = wallet.payments().reduce((s, p) => s + p.feeSats, 0n);
    expect(wallet.balanceSats()).toBe(10n * COIN - fees);
  });

  it('a reorg returns a confirmed payment to the mempool; the miner is paid again only when it re-confirms', () => {
    const { sim, other } = funded();
    const sent = sim.wallet!.sendMany(new Map([[MINER_A, 5n * COIN]]));
    sim.generate(1, other);
    expect(sim.receivedBy(MINER_A)).toBe(5n * COIN);
    sim.reorg(1);
    expect(sim.receivedBy(MINER_A)).toBe(0n);
    expect(sim.wallet!.payments()[0]?.status).toEqual({ kind: 'mempool' });
    sim.generate(1, other);
    expect(sim.receivedBy(MINER_A)).toBe(5n * COIN);
    expect(sent.ok).toBe(true);
  });

  it('answers -6 Insufficient funds, -5 for an address of another network, -3 for a zero amount', () => {
    const { sim } = funded();
    const wallet = sim.wallet!;
    const mainnet = encodeAddress(Buffer.from('0014' + '22'.repeat(20), 'hex'), {
      ...BITCOIN_REGTEST,
      bech32Hrp: 'bc',
    });
    expect(wallet.sendMany(new Map([[MINER_A, 51n * COIN]]))).toEqual({
      ok: false,
      code: -6,
      message: 'Insufficient funds',
    });
    expect(wallet.sendMany(new Map([[MINER_A, 50n * COIN]]))).toMatchObject({
      ok: false,
      code: -6,
    });
    expect(wallet.sendMany(new Map([[mainnet, 1n]]))).toEqual({
      ok: false,
      code: -5,
      message: `Invalid Bitcoin address: ${mainnet}`,
    });
    expect(wallet.sendMany(new Map([[MINER_A, 0n]]))).toMatchObject({ ok: false, code: -3 });
    expect(wallet.payments()).toEqual([]);
    expect(wallet.balanceSats()).toBe(50n * COIN);
  });
});
