import { describe, expect, it } from 'vitest';
import type { StreamSocket } from '../http/stream-socket.js';
import { T0, useApiHarness } from '../testing/api-harness.js';

const ADDR = 'ltc1qminer0000000000000000000000000000000';
const hash = (n: number) => n.toString(16).padStart(64, '0');

describe('public routes', () => {
  const harness = useApiHarness();

  it('lists networks with live stats, settings and block counts', async () => {
    // Arrange
    const h = await harness();
    h.stats.setNetwork({
      network: h.network,
      poolHashrate: 1.5e9,
      networkHashrate: 4e14,
      networkDifficulty: '12345.5',
      height: 1000,
      minersOnline: 3,
      workersOnline: 7,
      roundEffort: 0.42,
      ports: [{ port: 3333, difficulty: '0.001' }],
      counters: {
        connectionsOpen: 7,
        connectionsAccepted: 9,
        sharesAccepted: 100,
        blocks: 1,
        sharesRejected: { stale: 2 },
      },
    });
    await h.store.blocks.recordFound({
      network: h.network,
      hash: hash(1),
      height: 990,
      rewardSats: 625_000_000n,
      foundByAddress: ADDR,
      foundByWorker: 'rig1',
      foundMs: T0,
    });
    // Act
    const list = await h.call('GET', '/api/v1/networks');
    const one = await h.call('GET', `/api/v1/networks/${h.network}`);
    // Assert
    expect(list.statusCode).toBe(200);
    const view = list
      .json<{ networks: { id: string }[] }>()
      .networks.find((n) => n.id === h.network);
    expect(view).toMatchObject({
      poolHashrate: 1.5e9,
      height: 1000,
      workersOnline: 7,
      blocksFound: { pending: 1, confirmed: 0, orphaned: 0 },
      payout: { scheme: 'pplns', feeBps: 100, minPayoutSats: '100000', window: '2/1' },
      ports: [{ port: 3333, difficulty: '0.001' }],
    });
    expect(one.json()).toEqual(view);
  });

  it('answers 404 for an unknown network and 400 for a malformed one', async () => {
    const h = await harness();
    expect((await h.call('GET', '/api/v1/networks/nope')).statusCode).toBe(404);
    const bad = await h.call('GET', '/api/v1/networks/bad%20id!');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('params/network') as string,
    });
  });

  it("shows an address's balance, workers, shares, payouts and blocks, amounts as strings", async () => {
    // Arrange
    const h = await harness();
    h.stats.setNetwork({
      network: h.network,
      poolHashrate: 0,
      networkHashrate: undefined,
      networkDifficulty: undefined,
      height: 1005,
      minersOnline: 1,
      workersOnline: 1,
      roundEffort: undefined,
      ports: [],
      counters: {
        connectionsOpen: 0,
        connectionsAccepted: 0,
        sharesAccepted: 0,
        blocks: 0,
        sharesRejected: {},
      },
    });
    h.stats.setMiner(h.network, ADDR, {
      hashrate: [{ windowMs: 600_000, hashesPerSecond: 1e6 }],
      workers: [
        {
          name: 'rig1',
          online: true,
          hashrate: [{ windowMs: 600_000, hashesPerSecond: 1e6 }],
          lastShareMs: T0,
        },
      ],
      shares: { accepted: 10, blocks: 1, rejected: { duplicate: 2, 'low-difficulty': 1 } },
    });
    await h.store.blocks.recordFound({
      network: h.network,
      hash: hash(2),
      height: 1000,
      rewardSats: 625_000_000n,
      foundByAddress: ADDR,
      foundByWorker: 'rig1',
      foundMs: T0,
    });
    const split = { credits: [{ account: ADDR, amountSats: 600_000_000n }], feeSats: 25_000_000n };
    await h.store.blocks.credit(h.network, hash(2), { split, endShareId: 1n, work: 10n }, T0);
    await h.store.blocks.confirm(h.network, hash(2), T0 + 1);
    await h.store.payouts.plan(
      {
        planId: `p-${h.network}`,
        network: h.network,
        items: [{ address: ADDR, amountSats: 500_000_000n }],
      },
      T0 + 2,
    );
    // Act
    const res = await h.call('GET', `/api/v1/networks/${h.network}/miners/${ADDR}`);
    const payouts = await h.call(
      'GET',
      `/api/v1/networks/${h.network}/miners/${ADDR}/payouts?limit=5`,
    );
    const blocks = await h.call('GET', `/api/v1/networks/${h.network}/blocks?status=confirmed`);
    const netPayouts = await h.call('GET', `/api/v1/networks/${h.network}/payouts`);
    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      address: ADDR,
      workers: [{ name: 'rig1', online: true, lastShareMs: T0 }],
      shares: { accepted: 10, blocks: 1, rejected: { duplicate: 2, 'low-difficulty': 1 } },
      balance: {
        immatureSats: '0',
        confirmedSats: '600000000',
        payableSats: '100000000',
        paidSats: '0',
      },
      payouts: [{ status: 'planned', amountSats: '500000000', txid: null }],
      blocks: [{ height: 1000, status: 'confirmed', rewardSats: '625000000' }],
    });
    expect(payouts.json()).toMatchObject({ payouts: [{ amountSats: '500000000' }] });
    expect(blocks.json()).toMatchObject({
      blocks: [{ height: 1000, confirmations: 6, foundBy: ADDR }],
    });
    expect(netPayouts.json()).toMatchObject({
      payouts: [{ totalSats: '500000000', recipients: 1 }],
    });
  });

  it('answers 404 for an address the pool never saw, 400 for a malformed one', async () => {
    const h = await harness();
    expect((await h.call('GET', `/api/v1/networks/${h.network}/miners/${ADDR}`)).statusCode).toBe(
      404,
    );
    const bad = await h.call('GET', `/api/v1/networks/${h.network}/miners/x`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('params/address');
  });

  it('rejects out-of-range and unknown query parameters', async () => {
    const h = await harness();
    const tooMany = await h.call('GET', `/api/v1/networks/${h.network}/blocks?limit=100000`);
    const status = await h.call('GET', `/api/v1/networks/${h.network}/blocks?status=lost`);
    const unknown = await h.call('GET', `/api/v1/networks/${h.network}/blocks?colour=red`);
    expect([tooMany.statusCode, status.statusCode, unknown.statusCode]).toEqual([400, 400, 400]);
    expect(tooMany.json<{ message: string }>().message).toContain('querystring/limit');
  });

  it('serves hashrate history and network switches', async () => {
    const h = await harness();
    h.stats.history.set(`${h.network}/`, [{ atMs: T0, hashesPerSecond: 5 }]);
    await h.store.switches.record(
      { from: undefined, to: h.network, phase: 'completed', reason: 'test', actor: 'cli' },
      T0,
    );
    const hist = await h.call('GET', `/api/v1/networks/${h.network}/hashrate`);
    const sw = await h.call('GET', '/api/v1/switches?limit=1');
    expect(hist.json()).toEqual({ points: [{ atMs: T0, hashesPerSecond: 5 }] });
    expect(sw.json()).toMatchObject({
      switches: [{ to: h.network, from: null, phase: 'completed' }],
    });
  });

  it('streams blocks and switches over a WebSocket', async () => {
    // Arrange
    const h = await harness();
    await h.app.ready();
    const frames: unknown[] = [];
    let done = () => {};
    const got = new Promise<void>((resolve) => (done = resolve));
    const ws = (await h.app.injectWS(
      '/api/v1/stream',
      {},
      {
        onInit: (socket) =>
          (socket as StreamSocket).on('message', (data: Buffer) => {
            frames.push(JSON.parse(data.toString()));
            if (frames.length === 3) done();
          }),
      },
    )) as StreamSocket;
    // Act
    h.events.publish({
      type: 'block',
      network: h.network,
      height: 5,
      hash: hash(5),
      foundBy: ADDR,
      atMs: T0,
    });
    h.events.publish({
      type: 'switch',
      from: undefined,
      to: h.network,
      phase: 'completed',
      atMs: T0,
    });
    await got;
    ws.terminate();
    // Assert
    expect(frames).toEqual([
      { type: 'hello', atMs: T0 },
      expect.objectContaining({ type: 'block', height: 5 }),
      expect.objectContaining({ type: 'switch', to: h.network }),
    ]);
  });

  it('serves the OpenAPI document built from the route schemas', async () => {
    const h = await harness();
    const res = await h.call('GET', '/openapi.json');
    const doc = res.json<{
      openapi: string;
      paths: Record<string, Record<string, { parameters?: unknown[] }>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(
      doc.paths['/api/v1/networks/{network}/miners/{address}']?.['get']?.parameters,
    ).toHaveLength(2);
    expect(doc.paths['/api/v1/operator/networks/switch']?.['post']).toMatchObject({
      security: [{ bearer: [] }],
    });
  });

  it('sets security headers, answers CORS only for configured origins', async () => {
    const h = await harness({ corsOrigins: ['https://pool.example'] });
    const ok = await h.call('GET', '/api/v1/health', {
      headers: { origin: 'https://pool.example' },
    });
    const other = await h.call('GET', '/api/v1/health', {
      headers: { origin: 'https://evil.example' },
    });
    const pre = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://pool.example', 'access-control-request-method': 'POST' },
    });
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toContain("default-src 'none'");
    expect(ok.headers['access-control-allow-origin']).toBe('https://pool.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
  });

  it('limits body size', async () => {
    const h = await harness({ bodyLimitBytes: 1024 });
    const res = await h.call('POST', '/api/v1/auth/login', {
      body: { username: 'someone', password: 'x'.repeat(5000) },
    });
    expect(res.statusCode).toBe(413);
  });
});
