import { compareAccounts } from './account-order.js';
import { moveStrongestFirst } from './largest-remainder.js';
import { assertPositiveWork, type PplnsShare } from './window.js';

/** One account's part of a block reward, in the coin's smallest unit. */
export interface PplnsCredit {
  readonly account: string;
  readonly amountSats: bigint;
}

/**
 * How one block reward is shared. This is the value a reference model compares against,
 * so its shape is fixed:
 * - `credits` are sorted by account in ascending UTF-16 code-unit order (plain `<`, never
 *   locale-dependent) and hold each account at most once;
 * - only positive amounts are listed: an account whose share rounds to 0 is omitted,
 *   because there is nothing to book for it;
 * - sum(credits.amountSats) + feeSats === rewardSats, exactly;
 * - an empty window has `credits: []` and `feeSats === rewardSats`: with no one to pay,
 *   the whole reward stays with the pool account.
 */
export interface PplnsSplit {
  readonly credits: readonly PplnsCredit[];
  readonly feeSats: bigint;
}

const BPS_DENOMINATOR = 10_000n;

/** One account's running total; mutable so the per-share loop does one Map lookup. */
interface Tally {
  readonly account: string;
  workSum: bigint;
  amountSats: bigint;
  remainder: bigint;
}

/**
 * Shares `rewardSats` over a PPLNS window in proportion to work.
 *
 * fee = floor(reward * feeBps / 10000): rounded down, so rounding never favours the pool.
 * Each account gets floor(net * work / totalWork); the few units that flooring leaves
 * (fewer than the number of accounts) go one each to the largest remainders
 * (net * work mod totalWork), ties to the account that sorts first. The tie-break depends
 * only on account ids, so any order of the same shares gives the same split.
 *
 * Throws RangeError for feeBps outside the integers 0..10000, rewardSats < 0 or a share with
 * work <= 0 (caller bugs).
 */
export function splitPplns(
  window: readonly PplnsShare[],
  rewardSats: bigint,
  feeBps: number,
): PplnsSplit {
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000) {
    throw new RangeError(`feeBps must be an integer in 0..10000, got ${feeBps}`);
  }
  if (rewardSats < 0n) throw new RangeError(`rewardSats must be >= 0, got ${rewardSats}`);

  const tallies = new Map<string, Tally>();
  let totalWork = 0n;
  for (const share of window) {
    assertPositiveWork(share);
    const tally = tallies.get(share.account);
    if (tally === undefined) {
      const { account, work } = share;
      tallies.set(account, { account, workSum: work, amountSats: 0n, remainder: 0n });
    } else {
      tally.workSum += share.work;
    }
    totalWork += share.work;
  }
  if (tallies.size === 0) return { credits: [], feeSats: rewardSats };

  const feeSats = (rewardSats * BigInt(feeBps)) / BPS_DENOMINATOR;
  const netSats = rewardSats - feeSats;

  const entries = [...tallies.values()];
  let leftoverSats = netSats;
  for (const entry of entries) {
    const scaled = netSats * entry.workSum;
    entry.amountSats = scaled / totalWork;
    entry.remainder = scaled % totalWork;
    leftoverSats -= entry.amountSats;
  }
  handOutLeftover(entries, leftoverSats);
  entries.sort(byAccount);

  const credits: PplnsCredit[] = [];
  for (const { account, amountSats } of entries) {
    if (amountSats > 0n) credits.push({ account, amountSats });
  }
  return { credits, feeSats };
}

/** Adds one unit to each of the strongest claims; reorders `entries`. */
function handOutLeftover(entries: Tally[], leftoverSats: bigint): void {
  // Flooring loses less than one unit per account, so the leftover fits in a number.
  const leftoverUnits = Number(leftoverSats);
  if (leftoverUnits === 0) return;
  moveStrongestFirst(entries, leftoverUnits);
  for (let i = 0; i < leftoverUnits; i++) {
    const claim = entries[i];
    if (claim === undefined) throw new Error(`leftover ${leftoverUnits} exceeds accounts`);
    claim.amountSats += 1n;
  }
}

function byAccount(a: Tally, b: Tally): number {
  return compareAccounts(a.account, b.account);
}
