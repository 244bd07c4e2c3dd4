import type { GroundTruth } from '../truth/ground-truth.js';
import type { MetricsSnapshot } from './farm-metrics.js';
import type { FarmSpecInput } from './farm-spec.js';
import type { WallFarmOptions } from './wall-farm.js';

/** What a farm worker thread is started with. */
export interface FarmWorkerData {
  readonly spec: FarmSpecInput;
  readonly options: WallFarmOptions;
}

export type ToWorker =
  | { readonly kind: 'snapshot' }
  /** No share is sent at or after `atMs` (wall clock, shared by every thread); no answer. */
  | { readonly kind: 'cut-off'; readonly atMs: number }
  | { readonly kind: 'stop'; readonly drainMs: number };

export type FromWorker =
  | { readonly kind: 'started' }
  | { readonly kind: 'snapshot'; readonly snapshot: MetricsSnapshot }
  | {
      readonly kind: 'stopped';
      readonly snapshot: MetricsSnapshot;
      readonly truths: readonly GroundTruth[];
    }
  | { readonly kind: 'failed'; readonly message: string };
