import { compareAccounts } from './account-order.js';
import type { PplnsSplit } from './split.js';

/** Where two splits of the same reward disagree about one account. */
export interface CreditDifference {
  readonly account: string;
  readonly expectedSats: bigint;
  readonly actualSats: bigint;
}

/**
 * The outcome of checking a split against a reference. `errorSats` is the total absolute
 * difference over every account and the fee: the number a `payout_error == 0` gate reads.
 */
export type PplnsSplitComparison =
  | { readonly kind: 'equal' }
  | {
      readonly kind: 'different';
      readonly errorSats: bigint;
      readonly feeDeltaSats: bigint;
      /** Sorted by account; `feeDeltaSats` is actual - expected. */
      readonly credits: readonly CreditDifference[];
    };

/**
 * Compares two splits account by account. A missing account counts as a credit of 0, so a
 * reference model that lists zero credits still compares equal to `splitPplns`, which
 * omits them.
 */
export function comparePplnsSplits(expected: PplnsSplit, actual: PplnsSplit): PplnsSplitComparison {
  const byAccount = new Map<string, { expectedSats: bigint; actualSats: bigint }>();
  for (const { account, amountSats } of expected.credits) {
    const row = byAccount.get(account) ?? { expectedSats: 0n, actualSats: 0n };
    byAccount.set(account, { ...row, expectedSats: row.expectedSats + amountSats });
  }
  for (const { account, amountSats } of actual.credits) {
    const row = byAccount.get(account) ?? { expectedSats: 0n, actualSats: 0n };
    byAccount.set(account, { ...row, actualSats: row.actualSats + amountSats });
  }

  const feeDeltaSats = actual.feeSats - expected.feeSats;
  let errorSats = abs(feeDeltaSats);
  const credits: CreditDifference[] = [];
  for (const [account, { expectedSats, actualSats }] of byAccount) {
    if (expectedSats === actualSats) continue;
    credits.push({ account, expectedSats, actualSats });
    errorSats += abs(actualSats - expectedSats);
  }
  if (errorSats === 0n) return { kind: 'equal' };
  credits.sort((a, b) => compareAccounts(a.account, b.account));
  return { kind: 'different', errorSats, feeDeltaSats, credits };
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}
