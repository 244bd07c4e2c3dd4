import { describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import { satsToCoinText } from '../../../pool/node/coin-amount.js';
import { addressOf, basic, rawRequest, startSimRpc, type SimRpc } from './rpc.fixtures.js';

/** The wallet over HTTP: amounts travel as exact decimal literals both ways. */

const A = addressOf(BITCOIN_REGTEST_COIN, 0xa1);
const B = addressOf(BITCOIN_REGTEST_COIN, 0xb2);
const C = addressOf(BITCOIN_REGTEST_COIN, 0xc3);

async function withWallet(run: (rpc: SimRpc) => Promise<void>): Promise<void> {
  const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, premine: 101 });
  try {
    await run(rpc);
  } finally {
    await rpc.close();
  }
}

function post(rpc: SimRpc, body: string) {
  return rawRequest(rpc.server.url, body, { authorization: basic('pool', 'pw') });
}

describe('wallet methods', () => {
  it('sendmany pays the amounts exactly as written in the request text', () =>
    withWallet(async (rpc) => {
      // Arrange: literals a float would not keep, an exponent, and a string amount
      const body =
        `{"method":"sendmany","id":1,"params":["",` +
        `{"${A}":0.30000001,"${B}":1e-8,"${C}":"12.34567891"},1,"payout 7"]}`;
      // Act
      const reply = await post(rpc, body);
      // Assert
      const txid = (JSON.parse(reply.body) as { result: string }).result;
      expect(reply.status).toBe(200);
      expect(txid).toMatch(/^[0-9a-f]{64}$/);
      const payment = rpc.sim.wallet?.payments().at(-1);
      expect(payment?.txid).toBe(txid);
      expect(payment?.comment).toBe('payout 7');
      expect(payment?.outputs).toEqual(
        new Map([
          [A, 30_000_001n],
          [B, 1n],
          [C, 1_234_567_891n],
        ]),
      );
    }));

  it('refuses amounts and addresses as bitcoind does', () =>
    withWallet(async (rpc) => {
      const send = async (amounts: string) => {
        const r = await post(rpc, `{"method":"sendmany","id":1,"params":["",{${amounts}}]}`);
        return { status: r.status, error: (JSON.parse(r.body) as { error: unknown }).error };
      };
      expect(await send(`"${A}":0.000000001`)).toEqual({
        status: 500,
        error: { code: -3, message: 'Invalid amount' },
      });
      expect((await send(`"${A}":-1`)).error).toEqual({ code: -3, message: 'Amount out of range' });
      expect((await send(`"${A}":0`)).error).toEqual({
        code: -3,
        message: 'Invalid amount for send',
      });
      expect((await send(`"${A}":[1]`)).error).toEqual({
        code: -3,
        message: 'Amount is not a number or string',
      });
      expect((await send(`"nope":1`)).error).toEqual({
        code: -5,
        message: 'Invalid Bitcoin address: nope',
      });
      expect((await send(`"${A}":1000000`)).error).toEqual({
        code: -6,
        message: 'Insufficient funds',
      });
      expect(rpc.sim.wallet?.payments()).toEqual([]);
    }));

  it('answers getbalance with eight decimals, read exactly by the pool client', () =>
    withWallet(async (rpc) => {
      const node = rpc.node();
      const expected = rpc.sim.wallet?.balanceSats() ?? 0n;
      const sats = await node.getBalance();
      const raw = await post(rpc, '{"method":"getbalance","id":1}');
      const txid = await node.sendMany(new Map([[A, 123_456_789n]]), { comment: 'pool' });
      expect(sats).toBe(expected);
      expect(raw.body).toBe(`{"result":${satsToCoinText(expected)},"error":null,"id":1}\n`);
      expect(rpc.sim.wallet?.payments().at(-1)).toMatchObject({
        txid,
        outputs: new Map([[A, 123_456_789n]]),
      });
    }));

  it('gives the wallet address, income by address, and validates addresses', () =>
    withWallet(async (rpc) => {
      const client = rpc.client();
      const address = await client.call('getnewaddress');
      const received = await client.request('getreceivedbyaddress', [rpc.walletAddress, 1], {
        exactNumbers: true,
      });
      const valid = (await client.call('validateaddress', [A])) as Record<string, unknown>;
      const invalid = await client.call('validateaddress', ['nope']);
      expect(address).toBe(rpc.walletAddress);
      expect(received.ok && (received.result as { text: string }).text).toBe('5050.00000000');
      expect(valid).toMatchObject({
        isvalid: true,
        address: A,
        iswitness: true,
        witness_version: 0,
      });
      expect(invalid).toMatchObject({ isvalid: false });
    }));

  it('lists sends as bitcoind does: one entry per output, negative amounts, newest page last', () =>
    withWallet(async (rpc) => {
      // Arrange
      await post(rpc, `{"method":"sendmany","id":1,"params":["",{"${A}":1,"${B}":2},1,"p1"]}`);
      await post(rpc, `{"method":"sendmany","id":2,"params":["",{"${C}":0.5},1,"p2"]}`);
      // Act
      const all = await post(rpc, '{"method":"listtransactions","id":3,"params":["*",10,0]}');
      const newest = await post(rpc, '{"method":"listtransactions","id":4,"params":["*",1,0]}');
      const older = await post(rpc, '{"method":"listtransactions","id":5,"params":["*",1,1]}');
      // Assert: amounts are exact literals in the body
      expect(all.body).toMatch(
        new RegExp(`"address":"${A}","category":"send","amount":-1\\.00000000`),
      );
      const list = (r: { body: string }) =>
        (JSON.parse(r.body) as { result: { address: string; comment?: string; vout: number }[] })
          .result;
      expect(list(all).map((e) => [e.address, e.comment, e.vout])).toEqual([
        [A, 'p1', 0],
        [B, 'p1', 1],
        [C, 'p2', 0],
      ]);
      expect(list(newest).map((e) => e.address)).toEqual([C]);
      expect(list(older).map((e) => e.address)).toEqual([B]);
    }));
});
