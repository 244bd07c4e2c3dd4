import { compareAccounts } from './account-order.js';

/**
 * Who gets the units that flooring leaves over: at most one per account, so the winners are
 * selected in expected linear time instead of sorting every account by remainder.
 */

/** An account's claim on a leftover unit: the numerator of the fraction flooring cut off. */
export interface Claim {
  readonly account: string;
  readonly remainder: bigint;
}

/**
 * Negative when `a` has the stronger claim: the larger remainder, and on equal remainders
 * the account id that sorts first (UTF-16 code units, as `<` compares). Account ids are
 * unique among claims, so this is a strict total order and input order never matters.
 */
export function compareClaims(a: Claim, b: Claim): number {
  if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
  return compareAccounts(a.account, b.account);
}

/**
 * Reorders `claims` in place so that its first `count` elements are the `count` strongest
 * claims, in no particular order. Quickselect with a median-of-three pivot; if partitions
 * keep going badly (more than `maxRounds`; tests lower it to reach that path) it sorts what
 * is left, so it is never worse than O(n log n).
 */
export function moveStrongestFirst<T extends Claim>(
  claims: T[],
  count: number,
  maxRounds = 2 * Math.ceil(Math.log2(claims.length)) + 8,
): void {
  if (count <= 0 || count >= claims.length) return;
  const target = count - 1;
  let lo = 0;
  let hi = claims.length - 1;
  let roundsLeft = maxRounds;
  while (lo < hi) {
    if (roundsLeft-- === 0) {
      sortRange(claims, lo, hi);
      return;
    }
    const pivot = medianOfThree(at(claims, lo), at(claims, (lo + hi) >>> 1), at(claims, hi));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (compareClaims(at(claims, i), pivot) < 0) i++;
      while (compareClaims(at(claims, j), pivot) > 0) j--;
      if (i <= j) swap(claims, i++, j--);
    }
    // Now [lo..j] <= pivot <= [i..hi]; anything between j and i is the pivot itself.
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

function medianOfThree<T extends Claim>(a: T, b: T, c: T): T {
  if (compareClaims(a, b) < 0) {
    if (compareClaims(b, c) < 0) return b;
    return compareClaims(a, c) < 0 ? c : a;
  }
  if (compareClaims(a, c) < 0) return a;
  return compareClaims(b, c) < 0 ? c : b;
}

function sortRange<T extends Claim>(claims: T[], lo: number, hi: number): void {
  const sorted = claims.slice(lo, hi + 1).sort(compareClaims);
  sorted.forEach((claim, offset) => (claims[lo + offset] = claim));
}

function swap<T>(items: T[], i: number, j: number): void {
  const a = at(items, i);
  items[i] = at(items, j);
  items[j] = a;
}

function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  // Partition indices stay inside [lo, hi]; leaving it is a bug in this file.
  if (item === undefined) throw new Error(`claim index ${i} out of range`);
  return item;
}
