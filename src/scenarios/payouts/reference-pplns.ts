/**
 * The reference PPLNS model: what every account should be credited, computed from ground
 * truth alone (the shares the pool accepted, in order, and the blocks the chain kept). It is
 * written apart from the pool's src/pool/core/payouts on purpose, from the same documented
 * rules, so that a run comparing the two catches a bug in either:
 *
 * - window: walk back from the newest share before the block, adding work, until the
 *   window's work is reached; the share that crosses the line counts only for what was left;
 * - fee = floor(reward * feeBps / 10000); net = reward - fee;
 * - each account gets floor(net * work / windowTotal);
 * - the units flooring left go one each to the largest remainders (net * work mod total),
 *   equal remainders to the account id that sorts first by UTF-16 code units;
 * - no shares in the window: the whole reward is the pool's fee.
 */

/** An accepted share, as the ground truth records it. */
export interface TruthShare {
  readonly account: string;
  /** Expected hashes of the share's target; > 0. */
  readonly work: bigint;
}

/** A pool block the chain kept (orphans earn nothing and are left out by the caller). */
export interface TruthBlock {
  readonly blockId: string;
  readonly rewardSats: bigint;
  /** How many of the accepted shares (oldest first) came before the block was found. */
  readonly sharesBefore: number;
  /** The PPLNS window's size in work for this block. */
  readonly windowWork: bigint;
}

export interface PayoutTruth {
  /** Oldest first. */
  readonly shares: readonly TruthShare[];
  readonly blocks: readonly TruthBlock[];
  readonly feeBps: number;
}

export interface ReferenceBlockPayout {
  readonly blockId: string;
  readonly rewardSats: bigint;
  readonly feeSats: bigint;
  /** Every account in the window, zero credits included, sorted by account. */
  readonly credits: ReadonlyMap<string, bigint>;
}

/** The window's size for a block: ceil(networkWork * num / den), never short of the factor. */
export function referenceWindowWork(
  networkWork: bigint,
  factor: { readonly num: bigint; readonly den: bigint },
): bigint {
  const scaled = networkWork * factor.num;
  const whole = scaled / factor.den;
  return scaled % factor.den === 0n ? whole : whole + 1n;
}

/** The expected payout of every block, in the order given. */
export function referencePayouts(truth: PayoutTruth): ReferenceBlockPayout[] {
  if (!Number.isInteger(truth.feeBps) || truth.feeBps < 0 || truth.feeBps > 10_000) {
    throw new RangeError(`feeBps must be an integer in 0..10000, got ${truth.feeBps}`);
  }
  return truth.blocks.map((block) => payBlock(truth.shares, block, BigInt(truth.feeBps)));
}

function payBlock(
  shares: readonly TruthShare[],
  block: TruthBlock,
  feeBps: bigint,
): ReferenceBlockPayout {
  if (block.sharesBefore < 0 || block.sharesBefore > shares.length) {
    throw new RangeError(
      `block ${block.blockId}: sharesBefore ${block.sharesBefore} is outside 0..${shares.length}`,
    );
  }
  const workByAccount = windowWorkByAccount(shares, block.sharesBefore, block.windowWork);
  let windowTotal = 0n;
  for (const work of workByAccount.values()) windowTotal += work;
  if (windowTotal === 0n) {
    return {
      blockId: block.blockId,
      rewardSats: block.rewardSats,
      feeSats: block.rewardSats,
      credits: new Map(),
    };
  }

  const feeSats = (block.rewardSats * feeBps) / 10_000n;
  const netSats = block.rewardSats - feeSats;
  const rows = [...workByAccount].map(([account, work]) => ({
    account,
    credit: (netSats * work) / windowTotal,
    remainder: (netSats * work) % windowTotal,
  }));
  let leftover = netSats - rows.reduce((sum, row) => sum + row.credit, 0n);
  const byClaim = [...rows].sort((a, b) =>
    a.remainder === b.remainder
      ? codeUnitOrder(a.account, b.account)
      : a.remainder > b.remainder
        ? -1
        : 1,
  );
  for (const row of byClaim) {
    if (leftover === 0n) break;
    row.credit += 1n;
    leftover -= 1n;
  }
  rows.sort((a, b) => codeUnitOrder(a.account, b.account));
  return {
    blockId: block.blockId,
    rewardSats: block.rewardSats,
    feeSats,
    credits: new Map(rows.map((row) => [row.account, row.credit])),
  };
}

/** Work per account in the window ending just before share `end`. */
function windowWorkByAccount(
  shares: readonly TruthShare[],
  end: number,
  windowWork: bigint,
): Map<string, bigint> {
  const work = new Map<string, bigint>();
  let room = windowWork;
  for (let i = end - 1; i >= 0 && room > 0n; i--) {
    const share = shares[i];
    if (share === undefined) break;
    if (share.work <= 0n)
      throw new RangeError(`share ${i} of ${share.account} has work ${share.work}`);
    const counted = share.work < room ? share.work : room;
    work.set(share.account, (work.get(share.account) ?? 0n) + counted);
    room -= counted;
  }
  return work;
}

/** Plain `<` on strings: UTF-16 code units, the same on every machine and locale. */
function codeUnitOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
