import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER, connectMany } from './connect-phase.js';
import { runFlood } from './flood-phase.js';
import type { MinerConnection } from './miner-connection.js';
import { runPaced } from './paced-phase.js';
import { buildPoolUnderTest } from './pool-under-test.js';

describe('the load generator against the real pool on loopback', () => {
  it('handshakes, floods and paces, and the pool accepts every share it is sent', async () => {
    // Arrange
    const pool = await buildPoolUnderTest(100, undefined, pino({ level: 'silent' }));
    const { port } = await pool.server.listen('127.0.0.1', 0);
    const miners: MinerConnection[] = [];
    let named = 0;
    try {
      // Act
      const connected = await connectMany(
        miners,
        { kind: 'connect', port, total: 4, concurrency: 2, deadlineMs: 20_000 },
        () => `test.rig${named++}`,
      );
      const flooded = await runFlood(miners, {
        kind: 'flood',
        connections: 3,
        depth: 4,
        batch: 2,
        durationMs: 200,
        warmupMs: 0,
      });
      const paced = await runPaced(miners, {
        kind: 'paced',
        periodMs: 100,
        durationMs: 300,
        warmupMs: 0,
      });

      // Assert
      expect(connected).toMatchObject({ open: 4, failed: 0 });
      expect(pool.server.connectionCount).toBe(4);
      expect(flooded.rejected).toBe(0);
      expect(flooded.accepted).toBeGreaterThan(0);
      expect(paced).toMatchObject({ sent: 12, accepted: 12, rejected: 0, unanswered: 0 });
      expect(pool.sink.rejectedCount).toBe(0);
      expect(pool.sink.accepted).toBe(pool.server.counters().sharesAccepted);
      expect(miners.map((m) => m.outOfOrder)).toEqual([0, 0, 0, 0]);
    } finally {
      for (const m of miners) m.close();
      await pool.server.close();
      pool.scheduler.clearAll();
    }
  });

  it('gives up after a run of failures and says why, instead of waiting', async () => {
    const pool = await buildPoolUnderTest(2, undefined, pino({ level: 'silent' }));
    const { port } = await pool.server.listen('127.0.0.1', 0);
    const miners: MinerConnection[] = [];
    try {
      const result = await connectMany(
        miners,
        { kind: 'connect', port, total: 5, concurrency: 1, deadlineMs: 20_000 },
        () => 'test.rig',
      );
      // The pool is full at 2: it closes every further connection at once.
      expect(result).toMatchObject({ open: 2, failed: GIVE_UP_AFTER });
      expect(result.failures).toEqual({ 'closed-before-handshake': GIVE_UP_AFTER });
      expect(pool.server.counters().connectionsRefused.full).toBe(GIVE_UP_AFTER);
    } finally {
      for (const m of miners) m.close();
      await pool.server.close();
      pool.scheduler.clearAll();
    }
  });
});
