import type { FailureNote } from './payout-errors.js';

/** What one step did; also logged. */
export type PayoutEvent =
  | {
      readonly kind: 'planned';
      readonly planId: string;
      readonly totalSats: bigint;
      readonly outputs: number;
    }
  | { readonly kind: 'sent'; readonly planId: string; readonly txid: string }
  /** A plan in doubt that the wallet shows as paid (by its comment): marked sent, not re-sent. */
  | { readonly kind: 'reconciled'; readonly planId: string; readonly txid: string }
  /** A plan whose send outcome is unknown: nothing is sent for it before `untilMs`. */
  | { readonly kind: 'in-doubt'; readonly planId: string; readonly untilMs: number }
  /** sendmany failed without an answer: the outcome is unknown, the plan is now in doubt. */
  | { readonly kind: 'send-unknown'; readonly planId: string; readonly error: FailureNote }
  /** sendmany surely did nothing (the daemon refused, or was never reached): retried next step. */
  | { readonly kind: 'send-refused'; readonly planId: string; readonly error: FailureNote }
  | {
      readonly kind: 'wallet-short';
      readonly planId: string;
      readonly balanceSats: bigint;
      readonly totalSats: bigint;
    }
  | {
      readonly kind: 'confirmed';
      readonly planId: string;
      readonly txid: string;
      readonly confirmations: number;
    }
  /** The payout transaction left the chain: the amounts stay reserved until an operator acts. */
  | { readonly kind: 'conflicted'; readonly planId: string; readonly txid: string }
  | { readonly kind: 'tx-unknown'; readonly planId: string; readonly txid: string }
  | { readonly kind: 'node-down'; readonly error: FailureNote };
