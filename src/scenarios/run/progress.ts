/**
 * What a running scenario shows as it goes: one snapshot value, emitted often (a few times a
 * second of wall time). The Ink dashboard and the plain `--ci` progress lines render it; the
 * runner produces it. Plain data only, so it can cross a worker boundary and be tested.
 */
export interface RunProgress {
  readonly scenario: string;
  readonly seed: string;
  readonly fidelity: 'wire' | 'protocol' | 'economics';
  readonly phase: 'starting' | 'running' | 'finishing' | 'done';
  readonly clock: {
    /** Scenario time elapsed (virtual or wall). */
    readonly simulatedMs: number;
    readonly durationMs: number;
    readonly wallMs: number;
    /** simulatedMs / wallMs: how much faster than real time the run goes. */
    readonly speedup: number;
  };
  readonly networks: readonly NetworkProgress[];
  readonly farms: readonly FarmProgress[];
  /** Submit-to-reply latency (wire runs). */
  readonly latencyMs?: LatencyProgress;
  readonly payouts: {
    readonly blocksPaid: number;
    /** Largest difference from the reference model so far, in the smallest unit (decimal text). */
    readonly largestErrorSats: string;
    readonly verified: boolean | undefined;
  };
  /** Newest last; the runner keeps only the last few dozen. */
  readonly events: readonly { readonly atMs: number; readonly text: string }[];
  readonly gates: readonly GateProgress[];
}

export interface NetworkProgress {
  readonly id: string;
  readonly coin: string;
  readonly height: number;
  readonly difficulty: number;
  /** Hashes per second, from accepted work. */
  readonly poolHashrate: number;
  readonly blocksFound: number;
  readonly blocksAccepted: number;
  readonly blocksOrphaned: number;
  readonly active: boolean;
}

export interface FarmProgress {
  readonly id: string;
  readonly profile: string;
  readonly behaviour: string;
  readonly behaviourClass: 'honest' | 'malicious' | 'strategic';
  readonly miners: number;
  readonly nominalHashrate: number;
  readonly effectiveHashrate: number;
  readonly submitted: number;
  readonly accepted: number;
  /** Rejections by reason (Stratum reject reasons, plus 'disconnected' and the like). */
  readonly rejected: Readonly<Record<string, number>>;
  /** accepted / submitted, 0..1; NaN before the first submit. */
  readonly acceptance: number;
  readonly saturated: boolean;
}

export interface LatencyProgress {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Buckets for a small histogram: counts of replies up to each bound. */
  readonly histogram: readonly { readonly upToMs: number; readonly count: number }[];
}

export interface GateProgress {
  readonly expression: string;
  readonly status: 'pending' | 'passed' | 'failed';
  /** The metric's current value as text, when known. */
  readonly actual?: string;
}
