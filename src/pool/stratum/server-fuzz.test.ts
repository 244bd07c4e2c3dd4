import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import { encodeSubmitRequest } from './codec/encode-requests.js';
import { createExtranonceAllocator } from './extranonce-allocator.js';
import { createHarness, type Harness } from './harness.fixtures.js';
import { createStratumServer } from './server.js';
import {
  EASY,
  FixedJobSource,
  MemorySink,
  TestMiner,
  grind,
  poolJob,
  sha256dHasher,
  silentLogger,
  syncLogins,
  testConfig,
} from './stratum.fixtures.js';

const MAX_LINE = 2048;

/** Pieces a hostile or broken peer sends; joined and cut at random points. */
const piece = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
  fc
    .constantFrom(
      '\n',
      '\r\n',
      '{"id":1,"method":"mining.subscribe","params":["fuzz/1.0"]}\n',
      '{"id":2,"method":"mining.authorize","params":["addr.fuzz","x"]}\n',
      '{"id":3,"method":"mining.submit","params":["addr.fuzz","j1","00000000","00000000","00000000"]}\n',
      '{"id":4,"method":"mining.configure","params":[["version-rolling"],{"version-rolling.mask":"ffffffff"}]}\n',
      '{"id":[],"method":1}\n',
      '{"id":5,"method":"mining.suggest_difficulty","params":[1e400]}\n',
      '{"id":"\u0000","method":"mining.subscribe","params":null}\n',
      '[1,2,3]\n',
      'null\n',
      '{"id":6,"method":"__proto__","params":{}}\n',
    )
    .map((s) => Buffer.from(s)),
  fc.integer({ min: MAX_LINE - 2, max: MAX_LINE * 3 }).map((n) => Buffer.alloc(n, 0x61)),
);

/** Complete non-empty lines in `bytes`, as the server's splitter counts them. */
function completeLines(bytes: Buffer): number {
  let n = 0;
  let start = 0;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
    const end = nl > start && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
    if (end > start) n++;
    start = nl + 1;
  }
  return n;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('StratumServer fuzz', () => {
  it('property: any bytes end in replies or a clean close, and the server keeps serving', async () => {
    h = createHarness({
      logins: syncLogins,
      config: { maxLineBytes: MAX_LINE, ban: { maxProtocolErrors: 1_000_000 } },
    });
    const harness = h;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (pieces, cuts) => {
          // Arrange
          const bytes = Buffer.concat(pieces);
          const points = [
            ...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length))),
          ].sort((a, b) => a - b);
          const miner = harness.connect(`fuzz-${run++}`);
          // Act
          const before = harness.server.counters();
          let from = 0;
          for (const p of [...points, bytes.length]) {
            if (p > from) miner.stream.write(bytes.subarray(from, p));
            from = p;
          }
          miner.stream.end();
          await miner.closedByPool();
          // Assert
          expect(miner.unreadable).toEqual([]);
          const replies = miner.received.filter((m) => m.kind === 'response').length;
          const after = harness.server.counters();
          const closedEarly =
            after.oversizeLines > before.oversizeLines ||
            after.disconnects['protocol-abuse'] > before.disconnects['protocol-abuse'];
          if (!closedEarly) expect(replies).toBe(completeLines(bytes));
          else {
            // Cut short: the last thing sent was the error that explains why.
            expect(replies).toBeLessThanOrEqual(completeLines(bytes) + 1);
            expect(miner.received.at(-1)).toMatchObject({ kind: 'response', error: {} });
          }
        },
      ),
      { numRuns: 200 },
    );
    const healthy = harness.connect('10.0.0.1');
    const { extranonce1, notify } = await healthy.handshake();
    const share = grind(notify, extranonce1, '00000001', EASY);
    healthy.send(
      encodeSubmitRequest(3, {
        workerName: 'addr1.rig1',
        jobId: 'j1',
        ...share,
        versionBits: undefined,
      }),
    );
    expect((await healthy.response(3)).result).toBe(true);
  });
});

function tcpClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('StratumServer fuzz over TCP', () => {
  it('survives random bytes, a huge line and invalid JSON on a real socket', async () => {
    // Arrange
    const scheduler = new WallScheduler(wallClock);
    const jobs = new FixedJobSource(poolJob('j1', true));
    const server = createStratumServer({
      config: testConfig({ maxLineBytes: 4096 }),
      jobs,
      sink: new MemorySink(),
      logins: syncLogins,
      extranonces: createExtranonceAllocator({ size: 4 }),
      hasher: sha256dHasher,
      scheduler,
      logger: silentLogger(),
    });
    const { port } = await server.listen('127.0.0.1', 0);
    const sockets: Socket[] = [];
    try {
      const noise = await tcpClient(port);
      sockets.push(noise);
      const hostile = new TestMiner(noise);
      // Act
      const random = fc.sample(fc.uint8Array({ minLength: 65_536, maxLength: 65_536 }), {
        numRuns: 1,
        seed: 7,
      })[0]!;
      noise.write('not json\n{"id":9,"method":"mining.submit","params":[1]}\n');
      noise.write(Buffer.from(random).map((b) => (b === 0x0a ? 0x20 : b)));
      await hostile.closedByPool();
      const healthy = new TestMiner(await tcpClient(port));
      sockets.push(healthy.stream as Socket);
      const { extranonce1, notify } = await healthy.handshake();
      const share = grind(notify, extranonce1, '00000001', EASY);
      healthy.send(
        encodeSubmitRequest(3, {
          workerName: 'addr1.rig1',
          jobId: 'j1',
          ...share,
          versionBits: undefined,
        }),
      );
      const accepted = await healthy.response(3);
      // Assert
      expect(hostile.received.slice(0, 2)).toMatchObject([
        { kind: 'response', id: null, error: { code: -32700 } },
        { kind: 'response', id: 9, error: { code: -32602 } },
      ]);
      expect(hostile.received.at(-1)).toMatchObject({
        error: { code: -32600, message: 'Line too long' },
      });
      expect(hostile.unreadable).toEqual([]);
      expect(accepted.result).toBe(true);
      expect(server.counters().disconnects['oversize-line']).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      await server.close();
      scheduler.clearAll();
    }
  });
});
