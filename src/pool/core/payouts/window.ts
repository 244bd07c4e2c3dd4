/**
 * The PPLNS window: the newest shares whose work adds up to a fixed amount. Counting work
 * rather than shares keeps the window the same size in expected hashes whatever the share
 * difficulty, so vardiff cannot shift anyone's weight.
 */

/** One accepted share as PPLNS sees it. */
export interface PplnsShare {
  readonly account: string;
  /** Expected hashes of the target the share met; always > 0. */
  readonly work: bigint;
}

/** An exact ratio, e.g. `{ num: 2n, den: 1n }` for a window of twice the block's work. */
export interface WorkFactor {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The window's size in work: `factor` times the network's expected hashes per block,
 * rounded up so a window is never shorter than the factor asks.
 * Throws RangeError unless networkWork > 0, num > 0 and den > 0 (caller bugs).
 */
export function windowWorkFor(networkWork: bigint, factor: WorkFactor): bigint {
  if (networkWork <= 0n) throw new RangeError(`networkWork must be > 0, got ${networkWork}`);
  if (factor.num <= 0n || factor.den <= 0n) {
    throw new RangeError(`window factor must be positive, got ${factor.num}/${factor.den}`);
  }
  const product = networkWork * factor.num;
  return (product + factor.den - 1n) / factor.den;
}

/**
 * Walks back from the newest share until `windowWork` is reached. Returns the shares in the
 * window, newest first, as given; the share that crosses the boundary comes back as a new
 * object with its work clipped to what remained, and older shares are not read at all (so
 * a lazy iterable over a long log stops early). The returned work sums to
 * min(windowWork, total work available).
 *
 * Throws RangeError for windowWork < 0 or a visited share with work <= 0 (caller bugs).
 */
export function selectWindow(
  sharesNewestFirst: Iterable<PplnsShare>,
  windowWork: bigint,
): PplnsShare[] {
  if (windowWork < 0n) throw new RangeError(`windowWork must be >= 0, got ${windowWork}`);
  const window: PplnsShare[] = [];
  let remaining = windowWork;
  if (remaining === 0n) return window;
  for (const share of sharesNewestFirst) {
    assertPositiveWork(share);
    if (share.work < remaining) {
      window.push(share);
      remaining -= share.work;
      continue;
    }
    window.push(share.work === remaining ? share : { account: share.account, work: remaining });
    break;
  }
  return window;
}

export function assertPositiveWork(share: PplnsShare): void {
  if (share.work <= 0n) {
    throw new RangeError(`share work must be > 0, got ${share.work} for ${share.account}`);
  }
}
