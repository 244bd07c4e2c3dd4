import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/virtual-time.js';
import { encodeAuthorizeRequest, encodeSubscribeRequest } from './codec/encode-requests.js';
import { createExtranonceAllocator } from './extranonce-allocator.js';
import { sessionLogger } from './logging.js';
import { createDuplexPair } from './memory-duplex.js';
import { createStratumServer, type StratumServer } from './server.js';
import {
  FixedJobSource,
  MemorySink,
  START_MS,
  TestMiner,
  poolJob,
  sha256dHasher,
  testConfig,
  testLogins,
} from './stratum.fixtures.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

let server: StratumServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('session logging', () => {
  it('logs a session with its peer and never writes the authorize password', async () => {
    // Arrange
    const out = capture();
    const vt = new VirtualTime(START_MS);
    server = createStratumServer({
      config: testConfig(),
      jobs: new FixedJobSource(poolJob('j1', true)),
      sink: new MemorySink(),
      logins: testLogins,
      extranonces: createExtranonceAllocator({ size: 4 }),
      hasher: sha256dHasher,
      scheduler: vt,
      logger: pino({ level: 'debug' }, out.stream),
    });
    const [poolEnd, minerEnd] = createDuplexPair();
    server.attach(poolEnd, { remoteAddress: '192.0.2.7' });
    const miner = new TestMiner(minerEnd);
    // Act
    miner.send(encodeSubscribeRequest(1, { userAgent: 'cpuminer/2.5.1' }));
    miner.send(encodeAuthorizeRequest(2, 'addr1.rig1', 'hunter2-secret'));
    await miner.response(2);
    minerEnd.destroy();
    // Assert
    const text = out.lines.join('');
    expect(text).toContain('"peer":"192.0.2.7"');
    expect(text).toContain('"msg":"authorized"');
    expect(text).not.toContain('hunter2-secret');
  });

  it('redacts a password that a later log call passes by mistake', () => {
    const out = capture();
    const log = sessionLogger(pino(out.stream)).child({ conn: 1 });
    log.info({ password: 'p1', request: { password: 'p2', params: ['u', 'p3'] } }, 'oops');
    const text = out.lines.join('');
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/p1|p2|p3/);
  });
});
