import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { probePostgres, serviceGate } from '../../test/support/services.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { hashToBigInt } from './core/bytes.js';
import { sha256d } from './core/hash.js';
import { dropSchema, runSchema } from './store/testing/pg-schema.js';
import { testDatabaseUrl } from './store/testing/service-urls.js';
import {
  encodeAuthorizeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
} from './stratum/codec/encode-requests.js';
import { readSubscribeResult } from './stratum/codec/client-results.js';
import type { NotifyFields } from './stratum/codec/messages.js';
import { parseServerLine } from './stratum/codec/parse-server.js';
import { grind, headerFromNotify } from './stratum/miner.fixtures.js';

/**
 * The crash test of the books: the real `chimera pool` process, on PostgreSQL, against the
 * simulator's daemon (`chimera chain`), with miners submitting real shares over TCP. The pool
 * is killed with SIGKILL mid-load and started again on the same schema: every share a miner
 * saw answered `true` must be in the ledger, and none twice.
 */

const BIN = fileURLToPath(new URL('../../bin/chimera.js', import.meta.url));
const databaseUrl = testDatabaseUrl();
const gate = await serviceGate('postgresql', () => probePostgres(databaseUrl));
const ADDRESS = 'bcrt1q4ztzjx7d4qfl8td2n3euchy8qn5c2wnlwgle5j';
const DIFFICULTY = '0.00000001';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Spawns a chimera command; resolves with the first stdout match of `ready`. */
function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    // Only what the command needs: the child reads no other setting from the environment.
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = wall.setTimeout(
      () => reject(new Error(`not ready: ${out}\n${err.slice(-2000)}`)),
      60_000,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = ready.exec(out);
      if (match) {
        wall.clear(timer);
        resolve({ child, match });
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      wall.clear(timer);
      reject(new Error(`exited ${code}: ${out}\n${err.slice(-2000)}`));
    });
  });
}

/** A cpuminer-like miner: one share at a time, on the newest job; keeps the hashes answered true. */
class Miner {
  readonly accepted: string[] = [];
  #socket: Socket;
  #buffer = '';
  #en1 = '';
  #notify: NotifyFields | undefined;
  #id = 10;
  #en2 = 0;
  #inFlight: { id: number; hash: string } | undefined;
  #running = true;

  constructor(
    port: number,
    readonly worker: string,
  ) {
    this.#socket = connect({ host: '127.0.0.1', port });
    this.#socket.setEncoding('latin1');
    this.#socket.on('data', (chunk: string) => this.#onData(chunk));
    this.#socket.on('error', () => undefined);
    this.#socket.write(
      encodeSubscribeRequest(1, { userAgent: 'crash-test/1.0' }) +
        encodeAuthorizeRequest(2, `${ADDRESS}.${worker}`, 'x'),
    );
  }

  stop(): void {
    this.#running = false;
    this.#socket.destroy();
  }

  #onData(chunk: string): void {
    const lines = (this.#buffer + chunk).split('\n');
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseServerLine(line);
      if (!parsed.ok) continue;
      const m = parsed.message;
      if (m.kind === 'response' && m.id === 1) {
        this.#en1 = readSubscribeResult(m.result)?.extranonce1 ?? '';
      } else if (m.kind === 'notify') {
        const first = this.#notify === undefined;
        this.#notify = m;
        if (first) this.#next();
      } else if (m.kind === 'response' && m.id === this.#inFlight?.id) {
        if (m.result === true) this.accepted.push(this.#inFlight.hash);
        this.#inFlight = undefined;
        this.#next();
      }
    }
  }

  #next(): void {
    const n = this.#notify;
    if (!this.#running || n === undefined || this.#inFlight !== undefined) return;
    const en2 = (this.#en2++).toString(16).padStart(8, '0');
    const share = grind(n, this.#en1, en2, DIFFICULTY);
    const header = headerFromNotify(n, this.#en1, en2, share.ntime, share.nonce);
    const hash = hashToBigInt(sha256d(header)).toString(16).padStart(64, '0');
    const id = this.#id++;
    this.#inFlight = { id, hash };
    this.#socket.write(
      encodeSubmitRequest(id, {
        workerName: `${ADDRESS}.${this.worker}`,
        jobId: n.jobId,
        ...share,
        versionBits: undefined,
      }),
    );
  }
}

async function poolUp(
  rpcUrl: string,
  schema: string,
): Promise<{ child: ChildProcess; port: number }> {
  const { child, match } = await start(
    [
      'pool',
      '--coin',
      'bitcoin-regtest',
      '--node',
      rpcUrl,
      '--stratum',
      '127.0.0.1:0',
      '--address',
      ADDRESS,
      '--difficulty',
      DIFFICULTY,
      '--min-difficulty',
      DIFFICULTY,
      '--db-schema',
      schema,
    ],
    { DATABASE_URL: databaseUrl },
    /stratum listening on [\d.]+:(\d+)/,
  );
  return { child, port: Number(match[1]) };
}

const wall = new WallScheduler(wallClock);
const sleep = (ms: number) => new Promise<void>((r) => wall.setTimeout(r, ms));

describe.skipIf(gate.skip)('the books survive a SIGKILL of the pool (PostgreSQL)', () => {
  it('keeps every share a miner saw accepted, none twice, and serves again after a restart', async () => {
    // Arrange
    const schema = runSchema('crash');
    const chain = await start(
      [
        'chain',
        '--coin',
        'bitcoin-regtest',
        '--rpc-port',
        '0',
        '--rpc-user',
        'u',
        '--rpc-password',
        'p',
        '--block-time',
        '600',
        '--seed',
        '7',
      ],
      {},
      /rpc:\s+http:\/\/([\d.]+:\d+)/,
    );
    const rpcUrl = `http://u:p@${chain.match[1]}`;
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const first = await poolUp(rpcUrl, schema);
      const miners = [1, 2, 3].map((i) => new Miner(first.port, `rig${i}`));
      // Act: load, then SIGKILL with shares in flight
      await sleep(3_000);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      for (const m of miners) m.stop();
      const seen = miners.flatMap((m) => m.accepted);
      const second = await poolUp(rpcUrl, schema);
      const again = new Miner(second.port, 'after');
      await sleep(1_500);
      again.stop();
      // Assert
      const { rows } = await db.query<{ hash: string; n: string }>(
        `SELECT hash, count(*) AS n FROM ${schema}.shares GROUP BY hash`,
      );
      const stored = new Map(rows.map((r) => [r.hash, Number(r.n)]));
      expect(seen.length).toBeGreaterThan(20);
      expect(seen.filter((h) => !stored.has(h))).toEqual([]);
      expect(rows.filter((r) => Number(r.n) > 1)).toEqual([]);
      expect(again.accepted.length).toBeGreaterThan(0);
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
      const after = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.shares WHERE hash = ANY($1)`,
        [again.accepted],
      );
      expect(Number(after.rows[0]!.n)).toBe(again.accepted.length);
    } finally {
      await db.end();
      chain.child.kill('SIGTERM');
      await dropSchema(databaseUrl, schema);
    }
  }, 120_000);
});
