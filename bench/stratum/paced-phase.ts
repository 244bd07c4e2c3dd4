import { setTimeout as sleep } from 'node:timers/promises';
import { encodeHistogram, latencyHistogram, percentileMs, recordMs } from './latency-histogram.js';
import type { MinerConnection } from './miner-connection.js';
import type { PacedCommand, PacedResult } from './protocol.js';

const DRAIN_MS = 3_000;

/**
 * Every miner submits once per period, the miners spread evenly over it (an open loop: the
 * schedule does not wait for answers), and each answer's latency since its send is recorded.
 * Sends the generator makes late are counted as lag, so a saturated generator shows.
 */
export async function runPaced(
  miners: readonly MinerConnection[],
  command: PacedCommand,
): Promise<PacedResult> {
  const latency = latencyHistogram();
  const lag = latencyHistogram();
  const stepMs = command.periodMs / Math.max(1, miners.length);
  const startMs = performance.now() + 20;
  const endMs = startMs + command.durationMs;
  const recordFromMs = startMs + command.warmupMs;
  let accepted = 0;
  let rejected = 0;
  let sent = 0;
  let firstRejection: string | undefined;

  for (const m of miners) {
    m.onReply = (_miner, ok, sentAtMs, line) => {
      if (sentAtMs < recordFromMs) return;
      recordMs(latency, performance.now() - sentAtMs);
      if (ok) accepted++;
      else {
        rejected++;
        firstRejection ??= line;
      }
    };
  }

  await new Promise<void>((resolve) => {
    let seq = 0;
    const pump = (): void => {
      const now = performance.now();
      for (
        let due = startMs + seq * stepMs;
        due <= now && due < endMs;
        due = startMs + seq * stepMs
      ) {
        recordMs(lag, now - due);
        miners[seq % miners.length]!.submit(1);
        sent++;
        seq++;
      }
      const next = startMs + seq * stepMs;
      if (next >= endMs || miners.length === 0) resolve();
      else setTimeout(pump, Math.max(0, next - performance.now()));
    };
    setTimeout(pump, Math.max(0, startMs - performance.now()));
  });

  const drainUntil = performance.now() + DRAIN_MS;
  while (miners.some((m) => m.unanswered > 0) && performance.now() < drainUntil) await sleep(10);
  for (const m of miners) m.onReply = () => undefined;
  return {
    kind: 'paced-done',
    histogram: encodeHistogram(latency),
    sent,
    accepted,
    rejected,
    unanswered: miners.reduce((sum, m) => sum + m.unanswered, 0),
    maxLagMs: lag.maxValue / 1000,
    p99LagMs: percentileMs(lag, 99),
    firstRejection,
  };
}
