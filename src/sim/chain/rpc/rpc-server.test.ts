import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../../errors.js';
import { BITCOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import { JsonRpcClient } from '../../../pool/node/json-rpc-client.js';
import { RpcChainNode } from '../../../pool/node/rpc-chain-node.js';
import { minePoolBlock } from '../pool-block.fixtures.js';
import { VirtualTime } from '../../../runtime/index.js';
import { START_MS } from '../chain.fixtures.js';
import { AUTH, basic, rawRequest, startSimRpc, until } from './rpc.fixtures.js';
import { ChainRpcServer } from './rpc-server.js';

/** The server on a real port, read by the pool's own client and by a bare HTTP client. */

async function rejection(p: Promise<unknown>): Promise<ChimeraError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ChimeraError))
    throw new Error(`expected a ChimeraError, got ${String(err)}`);
  return err;
}

describe('ChainRpcServer over HTTP', () => {
  it('answers the error shapes daemons use, as the pool client reads them', async () => {
    // Arrange
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN });
    const wrong = new JsonRpcClient({
      url: rpc.server.url.replace('://', '://pool:wrong@'),
      scheduler: rpc.scheduler,
      retries: 0,
    });
    const client = rpc.client({ retries: 0 });
    const noRules = new RpcChainNode({ client, scheduler: rpc.scheduler, rules: [] });
    try {
      // Act
      const unauthorized = await rejection(wrong.call('getblockcount'));
      const unknown = await client.request('nosuch');
      const rules = await rejection(noRules.getBlockTemplate());
      const decode = await rpc.node(client).submitBlock('00');
      const raw401 = await rawRequest(rpc.server.url, '{"method":"getblockcount","id":1}', {
        authorization: basic('pool', 'wrong'),
      });
      const raw500 = await rawRequest(
        rpc.server.url,
        '{"method":"submitblock","params":["zz"],"id":1}',
        {
          authorization: basic('pool', 'pw'),
        },
      );
      // Assert
      expect(unauthorized.code).toBe('RPC_UNAUTHORIZED');
      expect(unknown).toEqual({ ok: false, code: -32601, message: 'Method not found' });
      expect(rules.code).toBe('RPC_ERROR');
      expect(rules.details?.['rpcCode']).toBe(-8);
      expect(decode).toEqual({ kind: 'error', code: -22, message: 'Block decode failed' });
      expect(raw401).toMatchObject({ status: 401, body: '' });
      expect(raw401.headers['www-authenticate']).toBe('Basic realm="jsonrpc"');
      expect(raw500.status).toBe(500);
      expect(raw500.body).toBe(
        '{"result":null,"error":{"code":-22,"message":"Block decode failed"},"id":1}\n',
      );
    } finally {
      wrong.close();
      await rpc.close();
    }
  });

  it('gives submitblock verdicts: null for a new tip, then duplicate, inconclusive, high-hash', async () => {
    // Arrange
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN });
    const node = rpc.node();
    try {
      const template = await node.getBlockTemplate();
      const first = minePoolBlock(template, { extranonce2: 1 });
      const rival = minePoolBlock(template, { extranonce2: 2 });
      const proposal = minePoolBlock(template, { extranonce2: 3, invalidPow: true });
      // Act
      const proposed = await node.proposeBlock(proposal.hex);
      const accepted = await node.submitBlock(first.hex);
      const again = await node.submitBlock(first.hex);
      const late = await node.submitBlock(rival.hex);
      const weak = await node.submitBlock(proposal.hex);
      // Assert
      expect(proposed).toEqual({ kind: 'accepted' });
      expect(accepted).toEqual({ kind: 'accepted' });
      expect((await node.getBestBlock()).hash).toBe(first.hash);
      expect(again).toEqual({ kind: 'rejected', reason: 'duplicate' });
      expect(late).toEqual({ kind: 'rejected', reason: 'inconclusive' });
      expect(weak).toEqual({ kind: 'rejected', reason: 'high-hash' });
      expect(rpc.server.app.internalErrors).toEqual([]);
    } finally {
      await node.close();
      await rpc.close();
    }
  });

  it('writes a cookie of bitcoind form readable by its owner only, and deletes it on close', async () => {
    // Arrange
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, auth: 'cookie' });
    const path = rpc.server.cookieFile ?? '';
    // Act
    const text = await readFile(path, 'utf8');
    const mode = (await stat(path)).mode & 0o777;
    const count = await rpc.client().call('getblockcount');
    await rpc.close();
    // Assert
    expect(text).toMatch(/^__cookie__:[0-9a-f]{64}$/);
    expect(mode).toBe(0o600);
    expect(count).toBe(0);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });

  it('answers a waiting longpoll -9 "Shutting down" when it closes', async () => {
    // Arrange
    const vt = new VirtualTime(START_MS);
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, scheduler: vt });
    const node = rpc.node();
    const template = await node.getBlockTemplate();
    const waiting = rejection(node.nextTemplate(template));
    // Act: once the server holds the call, shut down
    await until(vt, () => rpc.server.callsInFlight === 1);
    await rpc.server.close();
    const err = await waiting;
    await rpc.close();
    // Assert
    expect(err.code).toBe('RPC_ERROR');
    expect(err.details?.['rpcCode']).toBe(-9);
    expect(err.details?.['rpcMessage']).toBe('Shutting down');
    await node.close();
  });

  it('refuses a bad port and a port in use with coded errors', async () => {
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN });
    const start = (port: number) =>
      rejection(ChainRpcServer.start({ sim: rpc.sim, scheduler: rpc.scheduler, auth: AUTH, port }));
    try {
      expect((await start(70_000)).code).toBe('SIM_RPC_CONFIG');
      expect((await start(rpc.server.port)).code).toBe('SIM_RPC_LISTEN');
    } finally {
      await rpc.close();
    }
  });
});
