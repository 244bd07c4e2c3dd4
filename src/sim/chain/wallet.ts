import { decodeAddress } from '../../pool/core/address/index.js';
import type { TxOutput } from '../../pool/core/block/index.js';
import { fromDisplayHex, toDisplayHex } from '../../pool/core/bytes.js';
import type { Rng } from '../../runtime/index.js';
import type { ChainState, TxStatus } from './chain-state.js';
import { DUST_SATS } from './consensus-constants.js';
import { fakeInput } from './synthetic-tx.js';
import { serializeTx } from './tx-serialize.js';
import type { OutPoint, SimTx } from './types.js';

/** A wallet call's outcome: a txid, or the RPC error bitcoind would answer. */
export type SendResult =
  | { readonly ok: true; readonly txid: string }
  | { readonly ok: false; readonly code: number; readonly message: string };

export interface Coin {
  readonly outpoint: OutPoint;
  readonly valueSats: bigint;
}

export interface Payment {
  readonly txid: string;
  /** Address -> sats, as asked. */
  readonly outputs: ReadonlyMap<string, bigint>;
  readonly feeSats: bigint;
  readonly comment?: string;
}

export interface WalletOptions {
  readonly state: ChainState;
  /** The pool's address: coinbases paying it are the wallet's income, change returns to it. */
  readonly scriptPubKey: Buffer;
  readonly rng: Rng;
  readonly feeRateSatPerVb: bigint;
}

/**
 * The pool's wallet, kept as Bitcoin Core keeps it: a coinbase output counts once it is
 * mature (bitcoind's wallet waits coinbaseMaturity + 1 confirmations, hence "generate 101"),
 * a coinbase whose block leaves the main chain is gone, and the wallet's own unconfirmed
 * change counts at once. Payments are real transactions spending real coinbase outpoints,
 * with placeholder signatures.
 */
export class Wallet {
  private readonly sent: Payment[] = [];

  constructor(private readonly opts: WalletOptions) {}

  balanceSats(): bigint {
    return this.coins().reduce((sum, c) => sum + c.valueSats, 0n);
  }

  /** Coinbase income on the main chain that is not yet spendable. */
  immatureSats(): bigint {
    let sum = 0n;
    for (const o of this.opts.state.txs.outputsTo(this.opts.scriptPubKey)) {
      if (this.opts.state.txs.meta(o.txid) !== undefined) continue;
      const status = this.opts.state.txStatus(o.txid);
      if (status.kind === 'confirmed' && !this.mature(status.confirmations)) sum += o.valueSats;
    }
    return sum;
  }

  /** Spendable coins, largest first (ties by outpoint), the order coin selection uses. */
  coins(): Coin[] {
    const { state, scriptPubKey } = this.opts;
    const spent = new Set<string>();
    for (const p of this.sent) {
      if (!live(state.txStatus(p.txid))) continue;
      for (const s of state.txs.meta(p.txid)?.spends ?? []) spent.add(key(s));
    }
    const coins: Coin[] = [];
    for (const o of state.txs.outputsTo(scriptPubKey)) {
      const outpoint = { txid: o.txid, vout: o.vout };
      if (spent.has(key(outpoint))) continue;
      const status = state.txStatus(o.txid);
      const isCoinbase = state.txs.meta(o.txid) === undefined;
      const usable = isCoinbase
        ? status.kind === 'confirmed' && this.mature(status.confirmations)
        : live(status);
      if (usable) coins.push({ outpoint, valueSats: o.valueSats });
    }
    return coins.sort(
      (a, b) =>
        (b.valueSats > a.valueSats ? 1 : b.valueSats < a.valueSats ? -1 : 0) ||
        (key(a.outpoint) < key(b.outpoint) ? -1 : 1),
    );
  }

  payments(): readonly (Payment & { readonly status: TxStatus })[] {
    return this.sent.map((p) => ({ ...p, status: this.opts.state.txStatus(p.txid) }));
  }

  /** sendmany: -5 for a bad address, -3 for a bad amount, -6 "Insufficient funds". */
  sendMany(outputs: ReadonlyMap<string, bigint>, comment?: string): SendResult {
    const { state } = this.opts;
    if (outputs.size === 0) return fail(-8, 'Transaction must have at least one recipient');
    const payOuts: TxOutput[] = [];
    let total = 0n;
    for (const [address, sats] of outputs) {
      const decoded = decodeAddress(address, state.coin.address);
      if (!decoded.ok) return fail(-5, `Invalid ${coinWord(state.coin.name)} address: ${address}`);
      if (sats <= 0n) return fail(-3, 'Invalid amount for send');
      payOuts.push({ scriptPubKey: decoded.scriptPubKey, valueSats: sats });
      total += sats;
    }
    const tx = this.fund(payOuts, total);
    if (tx === undefined) return fail(-6, 'Insufficient funds');
    state.addTx(tx);
    this.sent.push({
      txid: tx.txidHex,
      outputs: new Map(outputs),
      feeSats: tx.feeSats,
      ...(comment === undefined ? {} : { comment }),
    });
    return { ok: true, txid: tx.txidHex };
  }

  /** Largest coins first until they cover the amount and the fee of the transaction they make. */
  private fund(payOuts: readonly TxOutput[], total: bigint): SimTx | undefined {
    const coins = this.coins();
    for (let n = 1; n <= coins.length; n++) {
      const inputs = coins.slice(0, n);
      const inValue = inputs.reduce((s, c) => s + c.valueSats, 0n);
      if (inValue < total) continue;
      const withChange = this.build(inputs, [...payOuts, this.change(0n)]);
      const fee = this.opts.feeRateSatPerVb * BigInt(withChange.vsize);
      if (inValue < total + fee) continue;
      const change = inValue - total - fee;
      const outs = change >= DUST_SATS ? [...payOuts, this.change(change)] : payOuts;
      const final = this.build(inputs, outs);
      return {
        data: final.data,
        txid: final.txid,
        wtxid: final.wtxid,
        txidHex: toDisplayHex(final.txid),
        feeSats: inValue - outs.reduce((s, o) => s + o.valueSats, 0n),
        weight: final.weight,
        sigops: inputs.length,
        spends: inputs.map((c) => c.outpoint),
        outputs: outs,
        origin: 'wallet',
      };
    }
    return undefined;
  }

  private build(
    inputs: readonly Coin[],
    outputs: readonly TxOutput[],
  ): ReturnType<typeof serializeTx> {
    const witness = this.opts.state.coin.segwit;
    return serializeTx({
      version: 2,
      inputs: inputs.map((c) =>
        fakeInput(this.opts.rng, witness, fromDisplayHex(c.outpoint.txid), c.outpoint.vout),
      ),
      outputs,
      lockTime: 0,
    });
  }

  private change(valueSats: bigint): TxOutput {
    return { scriptPubKey: this.opts.scriptPubKey, valueSats };
  }

  private mature(confirmations: number): boolean {
    return confirmations > this.opts.state.coin.coinbaseMaturity;
  }
}

function live(s: TxStatus): boolean {
  return s.kind === 'mempool' || s.kind === 'confirmed';
}

function key(o: OutPoint): string {
  return `${o.txid}:${o.vout}`;
}

function coinWord(name: string): string {
  return name.split(' ')[0] ?? name;
}

function fail(code: number, message: string): SendResult {
  return { ok: false, code, message };
}
