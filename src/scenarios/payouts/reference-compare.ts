import type { ReferenceBlockPayout } from './reference-pplns.js';

/** What the pool booked for one block, as its ledger reports it. */
export interface ActualBlockPayout {
  readonly blockId: string;
  readonly feeSats: bigint;
  readonly credits: readonly { readonly account: string; readonly amountSats: bigint }[];
}

/** The account name under which fee differences are reported. */
export const POOL_FEE_ACCOUNT = '(pool fee)';

export interface PayoutDifference {
  readonly blockId: string;
  readonly account: string;
  readonly expectedSats: bigint;
  readonly actualSats: bigint;
}

export type PayoutComparison =
  | { readonly kind: 'equal'; readonly blocksCompared: number }
  | {
      readonly kind: 'different';
      readonly blocksCompared: number;
      /** max |actual - expected| over every (block, account) and every fee. */
      readonly largestErrorSats: bigint;
      /** Sorted by block order, then account; the fee under POOL_FEE_ACCOUNT. */
      readonly differences: readonly PayoutDifference[];
    };

/**
 * Checks the pool's books against the reference, block by block and account by account. A
 * block missing on either side counts as all zeros there, so an unpaid block and a paid
 * orphan both show up as differences; a missing account is a credit of 0.
 */
export function compareWithReference(
  expected: readonly ReferenceBlockPayout[],
  actual: readonly ActualBlockPayout[],
): PayoutComparison {
  const actualById = new Map(actual.map((block) => [block.blockId, block]));
  const blockIds = [
    ...new Set([...expected.map((b) => b.blockId), ...actual.map((b) => b.blockId)]),
  ];
  const expectedById = new Map(expected.map((block) => [block.blockId, block]));
  const differences: PayoutDifference[] = [];
  let largestErrorSats = 0n;
  for (const blockId of blockIds) {
    const want = expectedById.get(blockId);
    const got = actualById.get(blockId);
    const rows = new Map<string, { expectedSats: bigint; actualSats: bigint }>();
    const row = (account: string) => {
      const existing = rows.get(account) ?? { expectedSats: 0n, actualSats: 0n };
      rows.set(account, existing);
      return existing;
    };
    for (const [account, amount] of want?.credits ?? []) row(account).expectedSats += amount;
    for (const credit of got?.credits ?? []) row(credit.account).actualSats += credit.amountSats;
    row(POOL_FEE_ACCOUNT).expectedSats += want?.feeSats ?? 0n;
    row(POOL_FEE_ACCOUNT).actualSats += got?.feeSats ?? 0n;
    const accounts = [...rows.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const account of accounts) {
      const { expectedSats, actualSats } = rows.get(account) ?? {
        expectedSats: 0n,
        actualSats: 0n,
      };
      if (expectedSats === actualSats) continue;
      differences.push({ blockId, account, expectedSats, actualSats });
      const error =
        actualSats > expectedSats ? actualSats - expectedSats : expectedSats - actualSats;
      if (error > largestErrorSats) largestErrorSats = error;
    }
  }
  const blocksCompared = blockIds.length;
  return differences.length === 0
    ? { kind: 'equal', blocksCompared }
    : { kind: 'different', blocksCompared, largestErrorSats, differences };
}

/** Each account's total expected and actual over all blocks: the report's payout table. */
export function totalsByAccount(
  expected: readonly ReferenceBlockPayout[],
  actual: readonly ActualBlockPayout[],
): { account: string; expectedSats: bigint; actualSats: bigint }[] {
  const totals = new Map<string, { expectedSats: bigint; actualSats: bigint }>();
  const entry = (account: string) => {
    const existing = totals.get(account) ?? { expectedSats: 0n, actualSats: 0n };
    totals.set(account, existing);
    return existing;
  };
  for (const block of expected)
    for (const [account, amount] of block.credits) entry(account).expectedSats += amount;
  for (const block of actual)
    for (const c of block.credits) entry(c.account).actualSats += c.amountSats;
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([account, sums]) => ({ account, ...sums }));
}
