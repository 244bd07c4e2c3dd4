import { storeError } from '../store-errors.js';
import type { HashrateBuckets, RateWindow } from './live-state.js';

/** The bucket holding time `atMs`. */
export function bucketOf(atMs: number, buckets: HashrateBuckets): number {
  return Math.floor(atMs / buckets.bucketMs);
}

/**
 * The buckets a read of `windowMs` at `nowMs` sums: the one holding nowMs and the ones
 * before it, windowMs / bucketMs in all. Throws LIVE_BAD_INPUT for a window that is not a
 * positive multiple of the bucket or longer than the retention.
 */
export function bucketsInWindow(
  windowMs: number,
  nowMs: number,
  buckets: HashrateBuckets,
): number[] {
  const { bucketMs, retentionMs } = buckets;
  if (!Number.isInteger(windowMs) || windowMs <= 0 || windowMs % bucketMs !== 0) {
    throw storeError('LIVE_BAD_INPUT', `window ${windowMs} ms is not a multiple of ${bucketMs} ms`);
  }
  if (windowMs > retentionMs) {
    throw storeError('LIVE_BAD_INPUT', `window ${windowMs} ms exceeds retention ${retentionMs} ms`);
  }
  const last = bucketOf(nowMs, buckets);
  return Array.from({ length: windowMs / bucketMs }, (_, i) => last - i);
}

export function checkBuckets(buckets: HashrateBuckets): HashrateBuckets {
  const { bucketMs, retentionMs } = buckets;
  if (
    !Number.isInteger(bucketMs) ||
    bucketMs <= 0 ||
    !Number.isInteger(retentionMs) ||
    retentionMs < bucketMs
  ) {
    throw storeError('STORE_CONFIG', `hashrate buckets ${bucketMs} ms kept ${retentionMs} ms`);
  }
  return buckets;
}

export function checkWork(work: bigint): void {
  if (work < 0n || work >= 1n << 120n) {
    throw storeError('LIVE_BAD_INPUT', `work ${work} is outside 0..2^120-1`);
  }
}

export function checkRateWindow(window: RateWindow): void {
  if (!Number.isInteger(window.limit) || window.limit < 1) {
    throw storeError('LIVE_BAD_INPUT', `rate limit ${window.limit} must be a positive integer`);
  }
  if (!Number.isInteger(window.windowMs) || window.windowMs < 1) {
    throw storeError('LIVE_BAD_INPUT', `rate window ${window.windowMs} ms must be positive`);
  }
}

/** Hashes per second over a window, rounded down: for display, from exact work. */
export function hashesPerSecond(work: bigint, windowMs: number): bigint {
  return (work * 1000n) / BigInt(windowMs);
}
