import { describe, expect, it } from 'vitest';
import { LITECOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import type { ExactJson } from '../../../pool/node/exact-json.js';
import { makeSim } from '../chain.fixtures.js';
import { RpcApp, type RpcHttpReply } from './rpc-app.js';
import { addressOf, basic } from './rpc.fixtures.js';

/** The HTTP front of the simulated daemon, through inject: statuses and bodies byte for byte. */

function bitcoinApp(): RpcApp {
  const { sim, vt } = makeSim();
  sim.generate(3);
  return new RpcApp({ sim, scheduler: vt, credentials: 'pool:pw' });
}

function litecoinApp(): RpcApp {
  const { sim, vt } = makeSim({
    coin: LITECOIN_REGTEST_COIN,
    wallet: { address: addressOf(LITECOIN_REGTEST_COIN, 0x11) },
  });
  sim.generate(3);
  return new RpcApp({ sim, scheduler: vt, credentials: 'pool:pw' });
}

interface Envelope {
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string } | null;
  readonly id?: unknown;
}

function envelope(reply: RpcHttpReply): Envelope {
  return JSON.parse(reply.body) as Envelope;
}

async function post(app: RpcApp, body: string | ExactJson, path = '/') {
  const reply = await app.inject({ body, path });
  if (reply === undefined) throw new Error('no reply');
  return reply;
}

describe('RpcApp: transport answers as bitcoind gives them', () => {
  it('answers 401 with an empty body to a missing or wrong password', async () => {
    // Arrange
    const app = bitcoinApp();
    const body = { method: 'getblockcount', params: [], id: 1 };
    // Act
    const missing = await app.inject({ body, authorization: undefined });
    const wrong = await app.inject({ body, authorization: basic('pool', 'nope') });
    const right = await app.inject({ body, authorization: basic('pool', 'pw') });
    // Assert
    for (const r of [missing, wrong]) {
      expect(r).toMatchObject({ status: 401, body: '' });
      expect(r?.headers['www-authenticate']).toBe('Basic realm="jsonrpc"');
    }
    expect(right).toMatchObject({ status: 200, body: '{"result":3,"error":null,"id":1}\n' });
  });

  it('answers 405 to anything but POST and 404 with no body to an unknown path', async () => {
    const app = bitcoinApp();
    const get = await app.inject({ method: 'GET', body: '' });
    const elsewhere = await post(app, { method: 'getblockcount', id: 1 }, '/rest/chaininfo');
    expect(get).toMatchObject({ status: 405, body: 'JSONRPC server handles only POST requests' });
    expect(elsewhere).toMatchObject({ status: 404, body: '' });
  });

  it('answers an unknown method with HTTP 404 and a JSON-RPC error body', async () => {
    const reply = await post(bitcoinApp(), { jsonrpc: '1.0', method: 'nosuch', params: [], id: 7 });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.body).toBe(
      '{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":7}\n',
    );
  });

  it('answers unparsable JSON with HTTP 500, -32700 and a null id', async () => {
    const reply = await post(bitcoinApp(), '{"method":');
    expect(reply.status).toBe(500);
    expect(reply.body).toBe(
      '{"result":null,"error":{"code":-32700,"message":"Parse error"},"id":null}\n',
    );
  });

  it('answers a request without a method with HTTP 400 and -32600', async () => {
    const reply = await post(bitcoinApp(), { params: [], id: 'a' });
    expect(reply.status).toBe(400);
    expect(envelope(reply)).toEqual({
      result: null,
      error: { code: -32600, message: 'Missing method' },
      id: 'a',
    });
  });

  it('answers undecodable block hex with HTTP 500 and -22 "Block decode failed"', async () => {
    const reply = await post(bitcoinApp(), { method: 'submitblock', params: ['00'], id: 2 });
    expect(reply.status).toBe(500);
    expect(envelope(reply)).toEqual({
      result: null,
      error: { code: -22, message: 'Block decode failed' },
      id: 2,
    });
  });

  it('answers getblocktemplate without the coin rules with -8 naming the missing rule', async () => {
    const btc = await post(bitcoinApp(), { method: 'getblocktemplate', params: [{}], id: 1 });
    const ltc = await post(litecoinApp(), {
      method: 'getblocktemplate',
      params: [{ rules: ['segwit'] }],
      id: 1,
    });
    expect(btc.status).toBe(500);
    expect(envelope(btc).error).toEqual({
      code: -8,
      message: 'getblocktemplate must be called with the segwit rule set',
    });
    expect(envelope(ltc).error).toEqual({
      code: -8,
      message: 'getblocktemplate must be called with the mweb rule set',
    });
  });

  it('answers a template with the rules, and a proposal without proof of work', async () => {
    const app = litecoinApp();
    const t = await post(app, {
      method: 'getblocktemplate',
      params: [{ rules: ['mweb', 'segwit'] }],
      id: 1,
    });
    const proposal = await post(app, {
      method: 'getblocktemplate',
      params: [{ mode: 'proposal', data: 'zz' }],
      id: 2,
    });
    const tpl = envelope(t).result as Record<string, unknown>;
    expect(t.status).toBe(200);
    expect(tpl['height']).toBe(4);
    expect(tpl['capabilities']).toEqual(['proposal']);
    expect(envelope(proposal).error).toEqual({ code: -22, message: 'Block decode failed' });
  });

  it('answers -8 for a height above the tip and -5 for an unknown block', async () => {
    const app = bitcoinApp();
    const height = await post(app, { method: 'getblockhash', params: [4], id: 1 });
    const block = await post(app, { method: 'getblockheader', params: ['ab'.repeat(32)], id: 2 });
    const short = await post(app, { method: 'getblock', params: ['ab'], id: 3 });
    expect(envelope(height).error).toEqual({
      code: -8,
      message: 'Block height out of range',
    });
    expect(envelope(block).error).toEqual({ code: -5, message: 'Block not found' });
    expect(envelope(short).error).toEqual({
      code: -8,
      message: "blockhash must be of length 64 (not 2, for 'ab')",
    });
  });

  it('keeps errors inside a batch: HTTP 200, answers in order, ids echoed verbatim', async () => {
    const reply = await post(
      bitcoinApp(),
      '[{"method":"getblockcount","id":1.50},{"method":"nosuch","id":"x"},{"id":3}]',
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(
      '[{"result":3,"error":null,"id":1.50},' +
        '{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":"x"},' +
        '{"result":null,"error":{"code":-32600,"message":"Missing method"},"id":3}]\n',
    );
  });

  it('maps named parameters to positions and refuses unknown names with -8', async () => {
    const app = bitcoinApp();
    const named = await post(app, { method: 'getblockhash', params: { height: 0 }, id: 1 });
    const unknown = await post(app, { method: 'getblockhash', params: { depth: 0 }, id: 2 });
    expect(envelope(named).result).toMatch(/^[0-9a-f]{64}$/);
    expect(envelope(unknown).error).toEqual({
      code: -8,
      message: 'Unknown named parameter depth',
    });
  });

  it('answers a wrong parameter count with -1 and the usage', async () => {
    const reply = await post(bitcoinApp(), { method: 'getblockhash', params: [], id: 1 });
    expect(reply.status).toBe(500);
    expect(envelope(reply).error).toEqual({ code: -1, message: 'getblockhash height' });
  });

  it('answers wallet calls on another wallet path with -18', async () => {
    const app = bitcoinApp();
    const own = await post(app, { method: 'getbalance', id: 1 }, '/wallet/');
    const other = await post(app, { method: 'getbalance', id: 2 }, '/wallet/other');
    expect(envelope(own)).toMatchObject({ result: 0, error: null });
    expect(envelope(other).error).toEqual({
      code: -18,
      message: 'Requested wallet does not exist or is not loaded',
    });
  });
});

describe('RpcApp: the two dialects', () => {
  it('Bitcoin Core answers JSON-RPC 2.0 strictly: HTTP 200, one of result/error, 204 for notifications', async () => {
    const app = bitcoinApp();
    const error = await post(app, { jsonrpc: '2.0', method: 'nosuch', id: 1 });
    const ok = await post(app, { jsonrpc: '2.0', method: 'getblockcount', id: 2 });
    const notification = await post(app, { jsonrpc: '2.0', method: 'getblockcount' });
    const badVersion = await post(app, { jsonrpc: '3.0', method: 'getblockcount', id: 4 });
    expect(error.status).toBe(200);
    expect(error.body).toBe(
      '{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":1}\n',
    );
    expect(ok.body).toBe('{"jsonrpc":"2.0","result":3,"id":2}\n');
    expect(notification).toMatchObject({ status: 204, body: '' });
    expect(badVersion.status).toBe(400);
    expect(envelope(badVersion).error?.message).toBe('JSON-RPC version not supported');
  });

  it('litecoind 0.21 answers "jsonrpc":"2.0" calls 1.0-style', async () => {
    const reply = await post(litecoinApp(), { jsonrpc: '2.0', method: 'nosuch', id: 1 });
    expect(reply.status).toBe(404);
    expect(reply.body).toBe(
      '{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":1}\n',
    );
  });

  it('words parameter type errors as each daemon does', async () => {
    const body = { method: 'getblockhash', params: ['1'], id: 1 };
    const btc = envelope(await post(bitcoinApp(), body)).error;
    const ltc = envelope(await post(litecoinApp(), body)).error;
    expect(btc).toEqual({
      code: -3,
      message: 'JSON value of type string is not of expected type number',
    });
    expect(ltc).toEqual({ code: -1, message: 'JSON value is not an integer as expected' });
  });

  it('writes output addresses as each daemon does in getblock 2', async () => {
    const btc = bitcoinApp();
    const ltc = litecoinApp();
    const read = async (app: RpcApp) => {
      const hash = envelope(await post(app, { method: 'getbestblockhash', id: 1 }))
        .result as string;
      const block = envelope(await post(app, { method: 'getblock', params: [hash, 2], id: 2 }))
        .result as { tx: { vout: { scriptPubKey: Record<string, unknown> }[] }[] };
      return block.tx[0]?.vout[0]?.scriptPubKey ?? {};
    };
    expect(Object.keys(await read(btc))).toEqual(['hex', 'address', 'type']);
    expect(Object.keys(await read(ltc))).toEqual(['hex', 'reqSigs', 'type', 'addresses']);
  });
});
