import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { JsonNumber } from './exact-json.js';
import { JsonRpcClient, type JsonRpcClientOptions } from './json-rpc-client.js';
import { drive, rejection } from './testing/drive.js';
import { FakeBitcoind, type FakeBitcoindOptions } from './testing/fake-bitcoind.js';

const BACKOFF = { initialMs: 100, maxMs: 1_000, factor: 2 };

describe('JsonRpcClient', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(
    fakeOpts: FakeBitcoindOptions = { auth: { user: 'pool', password: 'secret' } },
    clientOpts: Partial<JsonRpcClientOptions> = {},
  ): Promise<{ fake: FakeBitcoind; client: JsonRpcClient; vt: VirtualTime }> {
    const fake = await FakeBitcoind.start(fakeOpts);
    cleanups.push(() => fake.close());
    const vt = new VirtualTime(0);
    const client = new JsonRpcClient({
      url: fake.url,
      scheduler: vt,
      backoff: BACKOFF,
      ...clientOpts,
    });
    cleanups.push(() => client.close());
    return { fake, client, vt };
  }

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'chimera-cookie-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  describe('authentication', () => {
    it('calls with the user and password from the URL', async () => {
      // Arrange
      const { fake, client } = await setup();
      // Act
      const tip = await client.call('getbestblockhash');
      // Assert
      expect(tip).toBe(fake.chain.tip.hash);
    });

    it('says "bad credentials" on a 401 and does not retry it', async () => {
      const { fake } = await setup();
      const vt = new VirtualTime(0);
      const wrong = new JsonRpcClient({
        url: `http://pool:wrong@127.0.0.1:${fake.port}`,
        scheduler: vt,
      });
      cleanups.push(() => wrong.close());
      const err = await rejection(drive(vt, wrong.call('getbestblockhash')));
      expect(err.code).toBe('RPC_UNAUTHORIZED');
      expect(err.message).toContain('bad credentials');
      expect(fake.httpRequests).toBe(1);
    });

    it('reads the cookie file, and reads it again after the daemon rewrites it', async () => {
      // Arrange
      const cookieFile = join(await tempDir(), '.cookie');
      const { fake, client } = await setup(
        { auth: { cookieFile, password: 'first' } },
        { cookieFile },
      );
      // Act
      const before = await client.call('getblockcount');
      await fake.rotateCookie('after-restart');
      const after = await client.call('getblockcount');
      // Assert
      expect(before).toBe(fake.chain.tip.height);
      expect(after).toBe(fake.chain.tip.height);
      expect(fake.httpRequests).toBe(3);
    });

    it('treats a missing cookie file as a daemon that is down', async () => {
      const dir = await tempDir();
      const vt = new VirtualTime(0);
      const client = new JsonRpcClient({
        url: 'http://127.0.0.1:1',
        cookieFile: join(dir, 'no-such-cookie'),
        scheduler: vt,
        retries: 1,
        backoff: BACKOFF,
      });
      cleanups.push(() => client.close());
      const err = await rejection(drive(vt, client.call('getblockcount')));
      expect(err.code).toBe('RPC_UNREACHABLE');
      expect(err.details?.['attempts']).toBe(2);
    });

    it('refuses a URL that is not http, and two kinds of credentials at once', () => {
      const scheduler = new VirtualTime(0);
      expect(() => new JsonRpcClient({ url: 'https://127.0.0.1:1', scheduler })).toThrow(
        /RPC_CONFIG/,
      );
      expect(() => new JsonRpcClient({ url: 'not a url', scheduler })).toThrow(/RPC_CONFIG/);
      expect(
        () => new JsonRpcClient({ url: 'http://u:p@127.0.0.1:1', cookieFile: '/x', scheduler }),
      ).toThrow(/RPC_CONFIG/);
    });
  });

  describe('answers', () => {
    it('returns a JSON-RPC error in an HTTP 500 body as a value, without retrying', async () => {
      // Arrange
      const { fake, client } = await setup();
      // Act
      const reply = await client.request('submitblock', ['zz']);
      // Assert
      expect(reply).toEqual({ ok: false, code: -22, message: 'Block decode failed' });
      expect(fake.httpRequests).toBe(1);
    });

    it('throws RPC_ERROR from call() with the daemon code and message in details', async () => {
      const { client } = await setup();
      const err = await rejection(client.call('getblockhash', [100_000]));
      expect(err.code).toBe('RPC_ERROR');
      expect(err.details).toMatchObject({ rpcCode: -8, rpcMessage: 'Block height out of range' });
    });

    it('reads a 404 unknown method as a -32601 answer', async () => {
      const { fake, client } = await setup();
      const reply = await client.request('nosuchmethod');
      expect(reply).toEqual({ ok: false, code: -32601, message: 'Method not found' });
      expect(fake.httpRequests).toBe(1);
    });

    it('runs a batch and gives the replies in call order, errors included', async () => {
      const { fake, client } = await setup();
      const replies = await client.batch([
        { method: 'getblockcount' },
        { method: 'getblockhash', params: [999_999] },
        { method: 'getbestblockhash' },
      ]);
      expect(replies).toEqual([
        { ok: true, result: fake.chain.tip.height },
        { ok: false, code: -8, message: 'Block height out of range' },
        { ok: true, result: fake.chain.tip.hash },
      ]);
      expect(fake.httpRequests).toBe(1);
    });

    it('writes and reads amounts as exact literals', async () => {
      // Arrange
      const { fake, client } = await setup({
        auth: { user: 'u', password: 'p' },
        balanceSats: 2_099_999_999_999_999n,
      });
      // Act
      const balance = await client.call('getbalance', [], { exactNumbers: true });
      await client.call('sendmany', [
        '',
        { rltc1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq: JsonNumber.ofSats(1n) },
      ]);
      // Assert
      expect(balance).toEqual(new JsonNumber('20999999.99999999'));
      expect(fake.callsOf('sendmany')[0]?.body).toContain(':0.00000001}');
    });

    it('calls an HTTP 200 body that is not JSON-RPC a bad response', async () => {
      const { fake, client, vt } = await setup();
      fake.failNext(1, 200, '<html>proxy</html>');
      const err = await rejection(drive(vt, client.call('getblockcount')));
      expect(err.code).toBe('RPC_BAD_RESPONSE');
    });
  });

  describe('retries', () => {
    it('retries a plain-text 503 with back-off and then succeeds', async () => {
      // Arrange
      const { fake, client, vt } = await setup();
      fake.failNext(2);
      // Act
      const count = await drive(vt, client.call('getblockcount'));
      // Assert
      expect(count).toBe(fake.chain.tip.height);
      expect(fake.httpRequests).toBe(3);
    });

    it('gives up after the retries with RPC_HTTP and the attempts in details', async () => {
      const { fake, client, vt } = await setup(undefined, { retries: 2 });
      fake.failNext(10, 502, 'Bad Gateway');
      const err = await rejection(drive(vt, client.call('getblockcount')));
      expect(err.code).toBe('RPC_HTTP');
      expect(err.details).toMatchObject({ status: 502, attempts: 3, method: 'getblockcount' });
      expect(fake.httpRequests).toBe(3);
    });

    it('times out a daemon that never answers, retrying on the back-off schedule', async () => {
      // Arrange
      const { fake, client, vt } = await setup(undefined, { timeoutMs: 1_000, retries: 2 });
      fake.mode = 'hang';
      const arrivalsMs: number[] = [];
      // Act
      const call = client.call('getbestblockhash');
      const outcome = rejection(call);
      for (let n = 1; n <= 3; n++) {
        await fake.waitForCalls('getbestblockhash', n);
        arrivalsMs.push(vt.nowMs());
        await vt.advanceBy(1_000 + 100 * 2 ** (n - 1));
      }
      const err = await outcome;
      // Assert
      expect(err.code).toBe('RPC_TIMEOUT');
      expect(err.details?.['attempts']).toBe(3);
      expect(arrivalsMs).toEqual([0, 1_100, 2_300]);
      expect(vt.pending).toBe(0);
    });

    it('fails with RPC_UNREACHABLE when nothing listens', async () => {
      const { fake, client, vt } = await setup(undefined, { retries: 1 });
      await fake.close();
      const err = await rejection(drive(vt, client.call('getblockcount')));
      expect(err.code).toBe('RPC_UNREACHABLE');
      expect(err.details).toMatchObject({ attempts: 2, requestSent: false });
    });

    it('never repeats a non-idempotent call whose outcome is unknown', async () => {
      // Arrange
      const { fake, client, vt } = await setup(undefined, { timeoutMs: 1_000, retries: 3 });
      fake.mode = 'hang';
      // Act
      const outcome = rejection(client.call('sendmany', ['', {}], { idempotent: false }));
      await fake.waitForCalls('sendmany', 1);
      await vt.advanceBy(10_000);
      const err = await outcome;
      // Assert
      expect(err.code).toBe('RPC_TIMEOUT');
      expect(err.details?.['attempts']).toBe(1);
      expect(fake.httpRequests).toBe(1);
    });

    it('still retries a non-idempotent call the daemon refused unread (503)', async () => {
      const { fake, client, vt } = await setup();
      fake.failNext(1);
      const txid = await drive(
        vt,
        client.call(
          'sendmany',
          ['', { rltc1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq: JsonNumber.ofSats(5n) }],
          {
            idempotent: false,
          },
        ),
      );
      expect(txid).toMatch(/^[0-9a-f]{64}$/);
      expect(fake.state.payments).toHaveLength(1);
    });

    it('ends calls in flight and waiting to retry when the client closes', async () => {
      // Arrange
      const { fake, client, vt } = await setup();
      fake.mode = 'hang';
      const inFlight = rejection(client.call('getbestblockhash'));
      await fake.waitForCalls('getbestblockhash', 1);
      fake.mode = 'normal';
      fake.failNext(1);
      const retrying = rejection(client.call('getblockcount'));
      // Wait for the 503 to be read: then its back-off timer joins the first call's timeout.
      for (let i = 0; i < 10_000 && vt.pending < 2; i++) await vt.advanceBy(0);
      expect(vt.pending).toBe(2);
      // Act
      client.close();
      // Assert
      expect((await inFlight).code).toBe('RPC_ABORTED');
      expect((await retrying).code).toBe('RPC_ABORTED');
      expect((await rejection(client.call('getblockcount'))).code).toBe('RPC_ABORTED');
      expect(vt.pending).toBe(0);
    });

    it('stops waiting when the caller aborts', async () => {
      const { fake, client, vt } = await setup();
      fake.mode = 'hang';
      const ac = new AbortController();
      const outcome = rejection(client.call('getbestblockhash', [], { signal: ac.signal }));
      await fake.waitForCalls('getbestblockhash', 1);
      ac.abort();
      expect((await outcome).code).toBe('RPC_ABORTED');
      expect(vt.pending).toBe(0);
    });
  });
});
