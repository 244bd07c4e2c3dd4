import { createHash } from 'node:crypto';
import type { Balance } from '../store/books/balance-repository.js';
import type { PayoutItem, PayoutPlan } from '../store/books/payout-repository.js';

export interface PlanLimits {
  /** Only balances with at least this much payable are paid. */
  readonly minPayoutSats: bigint;
  /** Outputs per transaction; the largest balances go first, the rest wait for the next plan. */
  readonly maxOutputs: number;
}

/**
 * The next payout plan from payable balances, or undefined when none reaches the threshold.
 * Each plan pays an address its whole payable balance. The plan id (also the wallet comment
 * reconciliation looks for) is `<network>/<plannedMs>/<digest of the items>`: unique per plan,
 * and the same for a retry of the same write in the same step.
 */
export function nextPlan(
  network: string,
  balances: readonly Balance[],
  limits: PlanLimits,
  nowMs: number,
): PayoutPlan | undefined {
  const items: PayoutItem[] = balances
    .filter((b) => b.payableSats > 0n && b.payableSats >= limits.minPayoutSats)
    .sort((a, b) =>
      a.payableSats !== b.payableSats
        ? a.payableSats > b.payableSats
          ? -1
          : 1
        : a.address < b.address
          ? -1
          : 1,
    )
    .slice(0, limits.maxOutputs)
    .map((b) => ({ address: b.address, amountSats: b.payableSats }))
    .sort((a, b) => (a.address < b.address ? -1 : 1));
  if (items.length === 0) return undefined;
  const digest = createHash('sha256')
    .update(items.map((i) => `${i.address}=${i.amountSats}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return { planId: `${network}/${nowMs}/${digest}`, network, items };
}
