import { describe, expect, it } from 'vitest';
import { LITECOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import type { ExactJson } from '../../../pool/node/exact-json.js';
import { makeSim } from '../chain.fixtures.js';
import { RpcApp } from './rpc-app.js';
import { addressOf } from './rpc.fixtures.js';

/** The network face and getdifficulty, as third-party pools (NOMP and its descendants) read them. */

type Sim = ReturnType<typeof makeSim>;

function sims(): { readonly btc: Sim; readonly ltc: Sim } {
  const btc = makeSim();
  const ltc = makeSim({
    coin: LITECOIN_REGTEST_COIN,
    wallet: { address: addressOf(LITECOIN_REGTEST_COIN, 0x11) },
  });
  return { btc, ltc };
}

async function call({ sim, vt }: Sim, method: string): Promise<{ status: number; body: unknown }> {
  const app = new RpcApp({ sim, scheduler: vt, credentials: 'pool:pw' });
  const body: ExactJson = { method, params: [], id: 1 };
  const reply = await app.inject({ body });
  if (reply === undefined) throw new Error('no reply');
  return { status: reply.status, body: JSON.parse(reply.body) as unknown };
}

function firstPeer(body: unknown): Record<string, unknown> {
  const peers = (body as { result: Record<string, unknown>[] }).result;
  expect(peers).toHaveLength(1);
  return peers[0] ?? {};
}

describe('getpeerinfo', () => {
  it('lists the one outbound peer getnetworkinfo counts, in step with the tip', async () => {
    // Arrange
    const { btc } = sims();
    const genesisTime = btc.sim.tip.header.time;
    btc.sim.generate(3);
    // Act
    const reply = await call(btc, 'getpeerinfo');
    const net = await call(btc, 'getnetworkinfo');
    // Assert
    expect(reply.status).toBe(200);
    const peer = firstPeer(reply.body);
    const info = (net.body as { result: Record<string, unknown> }).result;
    expect(info['connections']).toBe(1);
    expect(peer).toMatchObject({
      id: 0,
      addr: '127.0.0.1:18444',
      network: 'not_publicly_routable',
      services: info['localservices'],
      inbound: false,
      connection_type: 'outbound-full-relay',
      conntime: genesisTime,
      last_block: btc.sim.tip.header.time,
      startingheight: 0,
      synced_headers: 3,
      synced_blocks: 3,
      inflight: [],
      version: 70016,
      subver: '/Satoshi:29.0.0(chimera-sim)/',
    });
  });

  it('gives each daemon its own fields: Core 29 the 22+ ones, litecoind 0.21 none of them', async () => {
    // Arrange
    const { btc, ltc } = sims();
    // Act
    const core = firstPeer((await call(btc, 'getpeerinfo')).body);
    const lite = firstPeer((await call(ltc, 'getpeerinfo')).body);
    const liteNet = ((await call(ltc, 'getnetworkinfo')).body as { result: object }).result;
    // Assert
    const since22 = [
      'bip152_hb_to',
      'bip152_hb_from',
      'presynced_headers',
      'addr_relay_enabled',
      'addr_processed',
      'addr_rate_limited',
      'transport_protocol_type',
      'session_id',
    ];
    expect(Object.keys(core)).toEqual(expect.arrayContaining(since22));
    for (const key of since22) expect(lite).not.toHaveProperty(key);
    expect(liteNet).toMatchObject({
      localservices: lite['services'],
      localservicesnames: lite['servicesnames'],
    });
    // As a real litecoind 0.21.2.1 lists a regtest peer (pingtime and minping come with a pong).
    expect(Object.keys(lite)).toEqual([
      'id',
      'addr',
      'addrbind',
      'network',
      'services',
      'servicesnames',
      'relaytxes',
      'lastsend',
      'lastrecv',
      'last_transaction',
      'last_block',
      'bytessent',
      'bytesrecv',
      'conntime',
      'timeoffset',
      'version',
      'subver',
      'inbound',
      'startingheight',
      'synced_headers',
      'synced_blocks',
      'inflight',
      'permissions',
      'minfeefilter',
      'bytessent_per_msg',
      'bytesrecv_per_msg',
      'connection_type',
    ]);
    expect(core).toMatchObject({ transport_protocol_type: 'v1', session_id: '', last_block: 0 });
    expect(lite).toMatchObject({
      addr: '127.0.0.1:19444',
      network: 'unroutable',
      services: '0000000001000409',
      servicesnames: ['NETWORK', 'WITNESS', 'NETWORK_LIMITED', 'MWEB'],
      subver: '/LitecoinCore:0.21.2.1(chimera-sim)/',
      minfeefilter: 0.00001,
    });
    // Deprecated in 0.21 and gone since: neither daemon shows them by default.
    for (const key of ['banscore', 'whitelisted', 'addnode']) {
      expect(core).not.toHaveProperty(key);
      expect(lite).not.toHaveProperty(key);
    }
  });
});

describe('getdifficulty', () => {
  it('answers the tip difficulty that getblockchaininfo and getmininginfo give', async () => {
    // Arrange
    const { btc } = sims();
    btc.sim.generate(2);
    // Act
    const difficulty = await call(btc, 'getdifficulty');
    const chain = await call(btc, 'getblockchaininfo');
    const mining = await call(btc, 'getmininginfo');
    // Assert
    const value = (difficulty.body as { result: number }).result;
    expect(difficulty.status).toBe(200);
    expect(value).toBe(4.6565423739069247e-10);
    expect((chain.body as { result: { difficulty: number } }).result.difficulty).toBe(value);
    expect((mining.body as { result: { difficulty: number } }).result.difficulty).toBe(value);
  });
});
