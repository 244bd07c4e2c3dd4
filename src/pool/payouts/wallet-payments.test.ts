import { describe, expect, it } from 'vitest';
import { walletPaymentsOf } from './wallet-payments.js';

describe('walletPaymentsOf', () => {
  it('finds payments by comment and reads their depth: mempool 0, chain n, off-chain -1; a comment always counts', async () => {
    // Arrange
    const wallet = walletPaymentsOf({
      payments: () => [
        { txid: 't1', comment: 'plan-1', status: { kind: 'confirmed', confirmations: 3 } },
        { txid: 't2', comment: 'plan-2', status: { kind: 'mempool' } },
        { txid: 't3', status: { kind: 'off-chain' } },
        { txid: 't4', comment: 'plan-4', status: { kind: 'unknown' } },
      ],
    });

    // Act / Assert
    expect(await wallet.findByComment('plan-1')).toEqual({ txid: 't1', confirmations: 3 });
    expect(await wallet.findByComment('plan-2')).toEqual({ txid: 't2', confirmations: 0 });
    expect(await wallet.findByComment('plan-4')).toEqual({ txid: 't4', confirmations: -1 });
    expect(await wallet.findByComment('nope')).toBeUndefined();
    expect(await wallet.confirmations('t3')).toBe(-1);
    expect(await wallet.confirmations('t9')).toBeUndefined();
  });
});
