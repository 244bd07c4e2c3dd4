import { REJECT_REASONS } from '../core/shares/reasons.js';
import type { ParseErrorReason } from './codec/messages.js';
import type { ShareRejectReason } from './ports.js';
import { CLOSE_REASONS, type CloseReason } from './session-actions.js';

/**
 * Plain counters, mutated in place on the hot path and copied out for metrics. Every key
 * exists from the start (at 0), so a Prometheus exporter can list them without guessing.
 */
export interface StratumCounters {
  connectionsAccepted: number;
  connectionsRefused: { banned: number; full: number; perIp: number; closing: number };
  subscribes: number;
  resumes: number;
  authorizes: { ok: number; failed: number };
  /** Every accepted share, block candidates included. */
  sharesAccepted: number;
  /** Accepted shares that also met the network target. */
  blocks: number;
  sharesRejected: Record<ShareRejectReason, number>;
  recordFailures: number;
  difficultyChanges: number;
  /** Sessions moved to a new extranonce1 with mining.set_extranonce. */
  extranonceChanges: number;
  suggestionsIgnored: number;
  parseErrors: Record<ParseErrorReason, number>;
  oversizeLines: number;
  bans: number;
  disconnects: Record<CloseReason, number>;
}

export type CountersSnapshot = Readonly<StratumCounters>;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
}

export function newStratumCounters(): StratumCounters {
  const rejectReasons: readonly ShareRejectReason[] = [...REJECT_REASONS, 'rate-limited'];
  return {
    connectionsAccepted: 0,
    connectionsRefused: { banned: 0, full: 0, perIp: 0, closing: 0 },
    subscribes: 0,
    resumes: 0,
    authorizes: { ok: 0, failed: 0 },
    sharesAccepted: 0,
    blocks: 0,
    sharesRejected: zeros(rejectReasons),
    recordFailures: 0,
    difficultyChanges: 0,
    extranonceChanges: 0,
    suggestionsIgnored: 0,
    parseErrors: zeros<ParseErrorReason>([
      'invalid-json',
      'invalid-request',
      'unknown-method',
      'invalid-params',
    ]),
    oversizeLines: 0,
    bans: 0,
    disconnects: zeros<CloseReason>(CLOSE_REASONS),
  };
}

/** A deep copy: later share traffic does not change it. */
export function snapshotCounters(c: StratumCounters): CountersSnapshot {
  return structuredClone(c);
}
