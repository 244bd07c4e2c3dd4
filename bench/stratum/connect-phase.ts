import { MinerConnection } from './miner-connection.js';
import type { ConnectCommand, ConnectResult } from './protocol.js';

/** This many failures in a row mean the pool or the machine is full: stop trying. */
export const GIVE_UP_AFTER = 200;
const HANDSHAKE_TIMEOUT_MS = 15_000;

/**
 * Opens connections until `open` holds `command.total`, with at most `concurrency`
 * handshakes in flight. Never hangs: it stops at the deadline or after a run of failures,
 * and says how many it got and why the others failed.
 */
export async function connectMany(
  open: MinerConnection[],
  command: ConnectCommand,
  workerName: () => string,
): Promise<ConnectResult> {
  const started = performance.now();
  const deadline = started + command.deadlineMs;
  const failures: Record<string, number> = {};
  let failed = 0;
  let failedInARow = 0;
  let inFlight = 0;

  const worker = async (): Promise<void> => {
    while (open.length + inFlight < command.total && failedInARow < GIVE_UP_AFTER) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      inFlight++;
      try {
        const timeoutMs = Math.min(HANDSHAKE_TIMEOUT_MS, left);
        open.push(await MinerConnection.open(command.port, workerName(), timeoutMs));
        failedInARow = 0;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failures[reason] = (failures[reason] ?? 0) + 1;
        failed++;
        failedInARow++;
      } finally {
        inFlight--;
      }
    }
  };
  const workers = Math.max(1, Math.min(command.concurrency, command.total - open.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    kind: 'connected',
    open: open.length,
    failed,
    failures,
    elapsedMs: performance.now() - started,
  };
}
