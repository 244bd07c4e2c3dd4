import { describe, expect, it } from 'vitest';
import { createDuplexPair } from '../../../pool/stratum/memory-duplex.js';
import type { ClientOptions } from './client-options.js';
import { StratumClient, type ClientListener } from './stratum-client.js';

const OPTIONS: ClientOptions = {
  userAgent: 'cgminer/4.11.1',
  username: 'addr.rig',
  password: 'x',
  versionRolling: undefined,
  extranonceSubscribe: false,
  suggestDifficulty: undefined,
  difficultyTiming: 'immediately',
  requestIds: 'sequential',
  resumeSession: undefined,
};

const FIELDS = {
  workerName: 'addr.rig',
  jobId: 'j1',
  extranonce2: '00000001',
  ntime: '5f5e1000',
  nonce: '00000001',
  versionBits: undefined,
};

const NOTIFY = {
  id: null,
  method: 'mining.notify',
  params: ['j2', '00'.repeat(32), '01', '02', [], '20000000', '1d00ffff', '5f5e1000', true],
};

/** A client on an in-memory pair whose latency clock the test moves by hand. */
function bench(listener: Partial<ClientListener> = {}, highWaterMark?: number) {
  const [poolEnd, minerEnd] = createDuplexPair(
    highWaterMark === undefined ? {} : { highWaterMark },
  );
  const clock = { t: 0 };
  const client = new StratumClient(
    minerEnd,
    OPTIONS,
    {
      live: () => {},
      job: () => {},
      difficulty: () => {},
      reconnect: () => {},
      refused: () => {},
      closed: () => {},
      ...listener,
    },
    { scenario: { nowMs: () => clock.t }, latency: () => clock.t },
  );
  return { client, poolEnd, minerEnd, clock };
}

const line = (m: unknown): string => `${JSON.stringify(m)}\n`;

describe('submit latency: from the bytes leaving to the answer being read', () => {
  it("ends when the answer is read, not after the miner's handling of the lines after it", async () => {
    // Arrange: the answer and a clean notify come in one chunk; the job takes the miner 500 ms
    // (a behaviour grinding at once, a thread behind on its work)
    const { client, poolEnd, clock } = bench({ job: () => void (clock.t += 500) });
    const answered = client.submit(FIELDS);
    // Act
    clock.t = 7;
    poolEnd.write(line({ id: 1, result: true, error: null }) + line(NOTIFY));
    const { reply, latencyMs } = await answered;
    // Assert
    expect(reply).toMatchObject({ kind: 'result', result: true });
    expect(clock.t).toBe(507);
    expect(latencyMs).toBe(7);
    poolEnd.destroy();
  });

  it('starts when the bytes leave: a submit queued behind a pool that does not read waits', async () => {
    // Arrange: a 16-byte window, and a pool that reads nothing until t = 50
    const { client, poolEnd, clock } = bench({}, 16);
    const answered = client.submit(FIELDS);
    // Act: at 50 the pool reads (the submit leaves), at 60 it answers
    clock.t = 50;
    const read = new Promise((resolve) => poolEnd.once('data', resolve));
    await read;
    clock.t = 60;
    poolEnd.write(line({ id: 1, result: true, error: null }));
    const { latencyMs } = await answered;
    // Assert
    expect(latencyMs).toBe(10);
    poolEnd.destroy();
  });
});
