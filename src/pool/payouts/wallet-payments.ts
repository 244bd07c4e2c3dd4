/** A payment the wallet made, as reconciliation sees it. */
export interface WalletPayment {
  readonly txid: string;
  /** >= 1 on the main chain, 0 in the mempool, < 0 conflicted or off the chain. */
  readonly confirmations: number;
}

/**
 * What the payout sender asks the wallet besides ChainNode.sendMany: whether a payment was
 * made for a plan (the plan id is sendmany's comment) and how deep a payment is. On bitcoind:
 * `listtransactions` (its `comment` field; the wallet writes the comment with the transaction,
 * in one wallet write) and `gettransaction <txid>` (`confirmations`, negative when conflicted).
 * Both throw like ChainNode calls when the daemon fails.
 */
export interface WalletPayments {
  /** The payment sent with `comment`, or undefined when the wallet has none. */
  findByComment(comment: string): Promise<WalletPayment | undefined>;
  /** Undefined when the wallet does not know the transaction. */
  confirmations(txid: string): Promise<number | undefined>;
}

/** The shape of a wallet that lists its own payments (the simulator's Wallet has it). */
export interface PaymentHistory {
  payments(): readonly {
    readonly txid: string;
    readonly comment?: string;
    readonly status: { readonly kind: string; readonly confirmations?: number };
  }[];
}

/** WalletPayments over a wallet in process: mempool 0, main chain n, off-chain -1. */
export function walletPaymentsOf(history: PaymentHistory): WalletPayments {
  const depth = (status: { readonly kind: string; readonly confirmations?: number }) => {
    if (status.kind === 'mempool') return 0;
    if (status.kind === 'confirmed') return status.confirmations ?? 1;
    if (status.kind === 'off-chain') return -1;
    return undefined;
  };
  return {
    findByComment(comment) {
      // A payment with the comment exists: whatever its status, the plan must not be re-sent.
      const p = history.payments().find((x) => x.comment === comment);
      return Promise.resolve(
        p === undefined ? undefined : { txid: p.txid, confirmations: depth(p.status) ?? -1 },
      );
    },
    confirmations(txid) {
      const p = history.payments().find((x) => x.txid === txid);
      return Promise.resolve(p === undefined ? undefined : depth(p.status));
    },
  };
}
