import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../pool/stratum/codec/index.js';
import { createDuplexPair } from '../../../pool/stratum/memory-duplex.js';
import type { ClientOptions } from './client-options.js';
import { StratumClient, type ClientListener } from './stratum-client.js';

interface Request {
  readonly id: unknown;
  readonly method: string;
  readonly params: unknown[];
}

/** The pool's end of a pair, scripted by the test: reads the miner's lines, writes answers. */
class ScriptedPool {
  readonly requests: Request[] = [];
  readonly #splitter = new LineSplitter();
  #wake: (() => void) | undefined;

  constructor(readonly end: Duplex) {
    end.on('data', (chunk: Buffer) => {
      for (const e of this.#splitter.push(chunk)) {
        if (e.kind === 'line') this.requests.push(JSON.parse(e.text) as Request);
      }
      this.#wake?.();
    });
  }

  async request(n: number): Promise<Request> {
    while (this.requests.length <= n) await new Promise<void>((r) => (this.#wake = r));
    return this.requests[n]!;
  }

  send(message: unknown): void {
    this.end.write(`${JSON.stringify(message)}\n`);
  }
}

const BITAXE_LIKE: ClientOptions = {
  userAgent: 'bitaxe/BM1370/v2.5.0',
  username: 'addr.rig',
  password: 'x',
  versionRolling: { mask: 0xffffffff, minBitCount: 0 },
  extranonceSubscribe: true,
  suggestDifficulty: 1e-5,
  difficultyTiming: 'next-notify',
  requestIds: 'sequential',
  resumeSession: undefined,
};

const events: string[] = [];
const listener: ClientListener = {
  live: () => events.push('live'),
  job: (o) => events.push(`job ${o.job.jobId}`),
  difficulty: (d) => events.push(`difficulty ${d}`),
  reconnect: () => events.push('reconnect'),
  refused: (step) => events.push(`refused ${step}`),
  closed: () => events.push('closed'),
};

let ends: Duplex[] = [];
afterEach(() => {
  for (const e of ends) e.destroy();
  ends = [];
  events.length = 0;
});

function connect(options: ClientOptions): { client: StratumClient; pool: ScriptedPool } {
  const [poolEnd, minerEnd] = createDuplexPair();
  ends = [poolEnd, minerEnd];
  let t = 0;
  const client = new StratumClient(minerEnd, options, listener, {
    scenario: { nowMs: () => t },
    latency: () => t++,
  });
  return { client, pool: new ScriptedPool(poolEnd) };
}

describe('StratumClient', () => {
  it('runs a BIP 310 handshake: configure, subscribe, extranonce.subscribe, authorize, suggest', async () => {
    // Arrange
    const { client, pool } = connect(BITAXE_LIKE);
    // Act
    const done = client.handshake();
    const configure = await pool.request(0);
    const subscribe = await pool.request(1);
    pool.send({
      id: configure.id,
      result: { 'version-rolling': true, 'version-rolling.mask': '1fffe000' },
      error: null,
    });
    pool.send({
      id: subscribe.id,
      result: [[['mining.notify', 'ab']], 'aabbccdd', 4],
      error: null,
    });
    const xsub = await pool.request(2);
    const authorize = await pool.request(3);
    pool.send({ id: authorize.id, result: true, error: null });
    const authorized = await done;
    const suggest = await pool.request(4);
    // Assert
    expect(authorized).toBe(true);
    expect(configure).toMatchObject({
      method: 'mining.configure',
      params: [['version-rolling'], { 'version-rolling.mask': 'ffffffff' }],
    });
    expect(subscribe).toMatchObject({
      method: 'mining.subscribe',
      params: ['bitaxe/BM1370/v2.5.0'],
    });
    expect(xsub.method).toBe('mining.extranonce.subscribe');
    expect(authorize.params).toEqual(['addr.rig', 'x']);
    expect(suggest).toMatchObject({ method: 'mining.suggest_difficulty', params: [1e-5] });
    expect(client.state.versionMask).toBe(0x1fffe000);
    expect([client.state.extranonce1, client.state.extranonce2Size]).toEqual(['aabbccdd', 4]);
    expect(events).toEqual(['live']);
  });

  it('sends cpuminer ids (every submit is id 4) and matches the answers in order', async () => {
    // Arrange
    const { client, pool } = connect({
      ...BITAXE_LIKE,
      versionRolling: undefined,
      extranonceSubscribe: false,
      suggestDifficulty: undefined,
      requestIds: 'cpuminer',
    });
    const done = client.handshake();
    pool.send({ id: (await pool.request(0)).id, result: [[], '01020304', 4], error: null });
    pool.send({ id: (await pool.request(1)).id, result: true, error: null });
    await done;
    const fields = {
      workerName: 'addr.rig',
      jobId: 'j',
      extranonce2: '00000001',
      ntime: '5f5e1000',
      nonce: '00000001',
      versionBits: undefined,
    };
    // Act
    const a = client.submit(fields);
    const b = client.submit({ ...fields, nonce: '00000002' });
    await pool.request(3);
    pool.send({ id: 4, result: true, error: null });
    pool.send({ id: 4, result: null, error: [23, 'Low difficulty share', null] });
    // Assert
    expect(pool.requests.map((r) => r.id)).toEqual([1, 2, 4, 4]);
    expect((await a).reply).toMatchObject({ result: true });
    expect((await b).reply).toMatchObject({ error: { code: 23 } });
  });

  it('answers client.get_version with its user agent, and reports a refused subscribe', async () => {
    // Arrange
    const { client, pool } = connect(BITAXE_LIKE);
    // Act
    pool.send({ id: 77, method: 'client.get_version', params: [] });
    const done = client.handshake();
    await pool.request(2);
    const [configure, subscribe] = pool.requests.filter((r) => r.id !== 77);
    const answer = pool.requests.find((r) => r.id === 77);
    pool.send({ id: configure!.id, result: { 'version-rolling': false }, error: null });
    pool.send({ id: subscribe!.id, result: null, error: [20, 'No extranonce1 free', null] });
    // Assert
    expect(answer).toEqual({ id: 77, result: 'bitaxe/BM1370/v2.5.0', error: null });
    expect(await done).toBe(false);
    expect(events).toContain('refused subscribe');
  });
});
