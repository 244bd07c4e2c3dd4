import type { Scheduler } from '../../runtime/index.js';
import { simError } from './sim-errors.js';

/** What is wrong with the simulated daemon's RPC right now. */
export interface RpcFaultState {
  /** Unreachable: every call throws RPC_UNREACHABLE, waits in flight end with it. */
  readonly outage: boolean;
  /** Added before every answer, on the scheduler. */
  readonly latencyMs: number;
  /** Every call answers this JSON-RPC error (submit/proposal as an error value). */
  readonly error: { readonly code: number; readonly message: string } | undefined;
  /** nextTemplate and longpolls never answer while set. */
  readonly templatesStalled: boolean;
}

const HEALTHY: RpcFaultState = {
  outage: false,
  latencyMs: 0,
  error: undefined,
  templatesStalled: false,
};

/**
 * Faults on command for the in-process node. Each setter takes an optional duration after
 * which that fault lifts by itself (on the scheduler).
 */
export class RpcFaults {
  private current: RpcFaultState = HEALTHY;
  private readonly listeners = new Set<(s: RpcFaultState) => void>();

  constructor(private readonly scheduler: Scheduler) {}

  get state(): RpcFaultState {
    return this.current;
  }

  onChange(listener: (s: RpcFaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  outage(forMs?: number): void {
    this.set({ outage: true }, forMs, { outage: false });
  }

  slow(latencyMs: number, forMs?: number): void {
    if (!Number.isFinite(latencyMs) || latencyMs < 0) {
      throw simError('SIM_BAD_FAULT', `latency must be >= 0 ms: ${latencyMs}`);
    }
    this.set({ latencyMs }, forMs, { latencyMs: 0 });
  }

  /** Default: -28, what a daemon still loading its block index answers (the pool treats it as down). */
  erroring(error = { code: -28, message: 'Loading block index...' }, forMs?: number): void {
    this.set({ error }, forMs, { error: undefined });
  }

  stallTemplates(forMs?: number): void {
    this.set({ templatesStalled: true }, forMs, { templatesStalled: false });
  }

  /** Lifts every fault. */
  heal(): void {
    this.apply(HEALTHY);
  }

  private set(
    change: Partial<RpcFaultState>,
    forMs: number | undefined,
    undo: Partial<RpcFaultState>,
  ): void {
    this.apply({ ...this.current, ...change });
    if (forMs !== undefined)
      this.scheduler.setTimeout(() => this.apply({ ...this.current, ...undo }), forMs);
  }

  private apply(next: RpcFaultState): void {
    this.current = next;
    for (const fn of this.listeners) fn(next);
  }
}
