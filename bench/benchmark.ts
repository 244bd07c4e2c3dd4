/**
 * What a benchmark module exports. Each `bench/*.bench.ts` file exports
 * `export const benchmarks: Benchmark[]`; `npm run bench` finds and runs them all, e.g.
 *
 *   export const benchmarks: Benchmark[] = [{
 *     name: 'share/validate-sha256d', unit: 'share',
 *     setup: async () => { const fixture = await build(); return () => validate(fixture); },
 *     target: { kind: 'absolute', opsPerSecond: 45_000, why: 'per-core share budget' },
 *   }];
 */

/** One operation; a returned promise is awaited before the next call. */
export type Operation = () => unknown;

export interface Benchmark {
  /** Unique across modules, `<module>/<case>`, e.g. `hash-header/scrypt`. Filters match it. */
  readonly name: string;
  /** What one call of the operation does, e.g. `hash`; rates print as `<unit>/s`. */
  readonly unit: string;
  /** Runs once, untimed (build hashers, fixtures), and returns the operation to time. */
  readonly setup: () => Operation | Promise<Operation>;
  readonly target?: Target;
  /** A line for readers of the report: what is measured, and why it matters. */
  readonly note?: string;
}

export type Target =
  /** The median rate must reach `opsPerSecond`. */
  | { readonly kind: 'absolute'; readonly opsPerSecond: number; readonly why: string }
  /**
   * The median rate must be at least (1 - within) times the best median among `of`
   * (which may include this benchmark): "within 10% of the fastest implementation".
   */
  | {
      readonly kind: 'relative';
      readonly of: readonly string[];
      readonly within: number;
      readonly why: string;
    };

export interface Measurement {
  readonly name: string;
  readonly unit: string;
  /**
   * Median over samples of operations per second of the measuring thread's CPU time: the
   * per-core rate, which other load on a shared machine disturbs far less than wall time.
   */
  readonly opsPerSecond: number;
  readonly minOpsPerSecond: number;
  readonly maxOpsPerSecond: number;
  /** 95% confidence half-width of the mean sample rate, as a percentage of it. */
  readonly rmePercent: number;
  /** Median over samples of operations per wall-clock second. */
  readonly wallOpsPerSecond: number;
  readonly samples: number;
  readonly operations: number;
  readonly note?: string;
}

export type TargetVerdict =
  | { readonly status: 'met' | 'missed'; readonly threshold: number; readonly description: string }
  | { readonly status: 'not-judged'; readonly description: string; readonly why: string };
