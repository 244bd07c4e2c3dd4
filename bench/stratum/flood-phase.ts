import { setTimeout as sleep } from 'node:timers/promises';
import type { MinerConnection } from './miner-connection.js';
import type { FloodCommand, FloodResult } from './protocol.js';

const DRAIN_MS = 5_000;

function cpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * A closed loop at the pool's own pace: each miner keeps up to `depth` shares unanswered,
 * sending `batch` per write as answers come back, so the rate found is the most the pool
 * answers. Answers `true` are counted inside [warmup, warmup + duration).
 */
export async function runFlood(
  all: readonly MinerConnection[],
  command: FloodCommand,
): Promise<FloodResult> {
  const miners = all.slice(0, command.connections);
  const depth = Math.max(command.depth, command.batch);
  const batch = Math.max(1, command.batch);
  const startMs = performance.now();
  const windowStartMs = startMs + command.warmupMs;
  const windowEndMs = windowStartMs + command.durationMs;
  let accepted = 0;
  let rejected = 0;
  let firstRejection: string | undefined;
  let stopped = false;

  const onReply = (miner: MinerConnection, ok: boolean, _sentAtMs: number, line: string): void => {
    const now = performance.now();
    if (now >= windowStartMs && now < windowEndMs) {
      if (ok) accepted++;
      else rejected++;
    }
    if (!ok) firstRejection ??= line;
    if (!stopped && miner.unanswered + batch <= depth) miner.submit(batch);
  };
  for (const m of miners) {
    m.onReply = onReply;
    while (m.unanswered + batch <= depth) m.submit(batch);
  }

  await sleep(Math.max(0, windowStartMs - performance.now()));
  const cpuStart = cpuUs();
  await sleep(Math.max(0, windowEndMs - performance.now()));
  const cpuEnd = cpuUs();
  stopped = true;
  const drainUntil = performance.now() + DRAIN_MS;
  while (miners.some((m) => m.unanswered > 0) && performance.now() < drainUntil) await sleep(10);
  for (const m of miners) m.onReply = () => undefined;
  return {
    kind: 'flood-done',
    accepted,
    rejected,
    windowMs: command.durationMs,
    firstRejection,
    cpuUs: cpuEnd - cpuStart,
  };
}
