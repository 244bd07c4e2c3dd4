import type { Rng } from '../../../runtime/index.js';

/** A firmware's reconnect back-off: initial wait, growth per failure, cap and jitter. */
export interface ReconnectPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /** Each wait is spread uniformly by +/- this fraction of itself. */
  readonly jitter: number;
}

/** The wait before reconnect attempt `attempt` (0 for the first after a drop). */
export function reconnectDelayMs(policy: ReconnectPolicy, attempt: number, rng: Rng): number {
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt));
  const spread = base * policy.jitter * (2 * rng.next() - 1);
  return Math.max(0, Math.round(base + spread));
}
