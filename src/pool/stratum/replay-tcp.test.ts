import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import { hashToBigInt } from '../core/bytes.js';
import { sha256d } from '../core/hash.js';
import { readConfigureResult, readSubscribeResult } from './codec/client-results.js';
import { createExtranonceAllocator } from './extranonce-allocator.js';
import { createStratumServer, type StratumServer } from './server.js';
import {
  EASY,
  FixedJobSource,
  MemorySink,
  TestMiner,
  grind,
  headerFromNotify,
  poolJob,
  sha256dHasher,
  silentLogger,
  targetOf,
  testConfig,
  testLogins,
  type NotifyMessage,
} from './stratum.fixtures.js';

/**
 * Miner conversations replayed over real TCP on 127.0.0.1, byte for byte as the miners
 * format their requests. Nonces are ground at replay time from the notify the pool sent,
 * so every "good" share is a real solution of the job.
 */

/** pooler cpuminer 2.5.1 (util.c / cpu-miner.c): spaces after colons, id 4 for every submit. */
const cpuminer = {
  subscribe: '{"id": 1, "method": "mining.subscribe", "params": ["cpuminer/2.5.1"]}\n',
  authorize: (user: string, pass: string) =>
    `{"id": 2, "method": "mining.authorize", "params": ["${user}", "${pass}"]}\n`,
  submit: (user: string, jobId: string, en2: string, ntime: string, nonce: string) =>
    `{"method": "mining.submit", "params": ["${user}", "${jobId}", "${en2}", "${ntime}", "${nonce}"], "id":4}\n`,
};

let scheduler: WallScheduler;
let jobs: FixedJobSource;
let sink: MemorySink;
let server: StratumServer;
let port: number;
const sockets: Socket[] = [];

beforeEach(async () => {
  scheduler = new WallScheduler(wallClock);
  jobs = new FixedJobSource(poolJob('j1', true));
  sink = new MemorySink();
  server = createStratumServer({
    config: testConfig(),
    jobs,
    sink,
    logins: testLogins,
    extranonces: createExtranonceAllocator({ size: 4, start: 0x5eed0000 }),
    hasher: sha256dHasher,
    scheduler,
    logger: silentLogger(),
  });
  port = (await server.listen('127.0.0.1', 0)).port;
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server.close();
  scheduler.clearAll();
});

async function dial(): Promise<TestMiner> {
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
  sockets.push(socket);
  return new TestMiner(socket);
}

describe('replayed miner conversations over TCP', () => {
  it('cpuminer: subscribe, authorize, set_difficulty before notify, shares judged with standard codes', async () => {
    // Arrange
    const miner = await dial();
    const user = 'mzBc4XEFSdzCDcTxAgf6EZXgsZWpztRhef.cpu0';
    // Act: handshake
    miner.send(cpuminer.subscribe);
    const sub = readSubscribeResult((await miner.response(1)).result);
    miner.send(cpuminer.authorize(user, 'x'));
    const auth = await miner.response(2);
    const first = await miner.next();
    const second = await miner.next();
    if (sub === undefined || second.kind !== 'notify') throw new Error('handshake failed');
    const n: NotifyMessage = second;
    const en1 = sub.extranonce1;
    // Act: shares
    const good = grind(n, en1, '00000001', EASY);
    const miss = grind(n, en1, '00000002', EASY, 'miss');
    const script = [
      cpuminer.submit(user, n.jobId, good.extranonce2, good.ntime, good.nonce),
      cpuminer.submit(
        user,
        n.jobId,
        '00000001',
        good.ntime.toUpperCase(),
        good.nonce.toUpperCase(),
      ),
      cpuminer.submit(user, n.jobId, miss.extranonce2, miss.ntime, miss.nonce),
      cpuminer.submit('someone.else', n.jobId, good.extranonce2, good.ntime, good.nonce),
    ];
    const answers = [];
    for (const line of script) {
      miner.send(line);
      answers.push(await miner.response(4));
    }
    jobs.publish(poolJob('j2', true));
    const n2 = await miner.until((m) => m.kind === 'notify');
    miner.send(
      cpuminer.submit(user, n.jobId, '00000003', good.ntime, grind(n, en1, '00000003', EASY).nonce),
    );
    answers.push(await miner.response(4));
    if (n2.kind !== 'notify') throw new Error('no second notify');
    const fresh = grind(n2, en1, '00000004', EASY);
    miner.send(cpuminer.submit(user, n2.jobId, fresh.extranonce2, fresh.ntime, fresh.nonce));
    answers.push(await miner.response(4));
    // Assert
    expect(sub.extranonce2Size).toBe(4);
    expect(auth.result).toBe(true);
    expect(first).toEqual({ kind: 'set-difficulty', difficulty: 1e-8 });
    expect(n).toMatchObject({ jobId: 'j1', cleanJobs: true });
    expect(n2).toMatchObject({ jobId: 'j2', cleanJobs: true });
    expect(answers.map((a) => a.result ?? a.error?.code)).toEqual([true, 22, 23, 24, 21, true]);
    expect(sink.accepted.map((s) => [s.jobId, s.address, s.worker])).toEqual([
      ['j1', 'mzBc4XEFSdzCDcTxAgf6EZXgsZWpztRhef', 'cpu0'],
      ['j2', 'mzBc4XEFSdzCDcTxAgf6EZXgsZWpztRhef', 'cpu0'],
    ]);
    expect(miner.unreadable).toEqual([]);
  });

  it('BIP 310 ASIC: configure first, resume a session id, suggest difficulty, roll version bits', async () => {
    // Arrange
    const miner = await dial();
    // Act
    miner.send(
      '{"id":1,"method":"mining.configure","params":[["version-rolling","minimum-difficulty"],' +
        '{"version-rolling.mask":"1fffe000","version-rolling.min-bit-count":2,"minimum-difficulty.value":0.00000002}]}\n',
    );
    const configured = readConfigureResult((await miner.response(1)).result);
    miner.send('{"id":2,"method":"mining.subscribe","params":["bmminer/2.0.0","deadbeef"]}\n');
    const sub = readSubscribeResult((await miner.response(2)).result);
    miner.send('{"id":3,"method":"mining.authorize","params":["addrB.s9",""]}\n');
    await miner.response(3);
    const diff = await miner.next();
    const n = await miner.next();
    miner.send('{"id":4,"method":"mining.suggest_difficulty","params":[0.00000004]}\n');
    await miner.response(4);
    const diff2 = await miner.next();
    const resent = await miner.next();
    if (n.kind !== 'notify' || resent.kind !== 'notify' || sub === undefined) {
      throw new Error('handshake failed');
    }
    const version = ((parseInt(n.version, 16) | 0x00004000) >>> 0).toString(16).padStart(8, '0');
    const target = targetOf('0.00000004');
    let nonce = 0;
    const header = headerFromNotify(n, sub.extranonce1, '0000000a', n.ntime, '00000000', version);
    for (; ; nonce++) {
      header.writeUInt32LE(nonce, 76);
      if (hashToBigInt(sha256d(header)) <= target) break;
    }
    const nonceHex = nonce.toString(16).padStart(8, '0');
    miner.send(
      `{"id":5,"method":"mining.submit","params":["addrB.s9","${resent.jobId}","0000000a","${n.ntime}","${nonceHex}","00004000"]}\n`,
    );
    const accepted = await miner.response(5);
    // Assert
    expect(configured).toMatchObject({
      versionRolling: { mask: 0x1fffe000 },
      minimumDifficulty: true,
    });
    expect(sub.extranonce1).toBe('deadbeef');
    expect(diff).toEqual({ kind: 'set-difficulty', difficulty: 2e-8 });
    expect(diff2).toEqual({ kind: 'set-difficulty', difficulty: 4e-8 });
    // The work again under a new id, which carries the new difficulty; j1 keeps the old one.
    expect(resent).toMatchObject({ kind: 'notify', jobId: 'r1', cleanJobs: false });
    expect(accepted.result).toBe(true);
    expect(sink.accepted[0]).toMatchObject({
      jobId: 'j1',
      difficulty: { num: 1n, den: 25_000_000n },
    });
  });
});
