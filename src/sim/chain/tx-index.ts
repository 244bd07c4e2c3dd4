import type { TxOutput } from '../../pool/core/block/index.js';
import type { StoredBlock, SimTx } from './types.js';

/**
 * What the simulator keeps of every transaction it made: the facts its bytes do not carry.
 * Hashes and outputs are read again from the bytes when a reorg returns it to the mempool.
 */
export type TxMeta = Pick<SimTx, 'txidHex' | 'feeSats' | 'weight' | 'sigops' | 'spends' | 'origin'>;

/** An output paying some script, for "what was this address paid". */
export interface IndexedOutput {
  readonly txid: string;
  readonly vout: number;
  readonly valueSats: bigint;
}

/**
 * Where every transaction the simulator knows of lives: its facts (fee, weight, what it
 * spends), the blocks on any branch that include it, and the outputs of coinbases and wallet
 * payments by script. Synthetic outputs are not indexed: they pay random scripts.
 */
export class TxIndex {
  private readonly metas = new Map<string, TxMeta>();
  private readonly locations = new Map<string, StoredBlock[]>();
  private readonly byScript = new Map<string, IndexedOutput[]>();

  remember(tx: SimTx): void {
    if (this.metas.has(tx.txidHex)) return;
    this.metas.set(tx.txidHex, withoutData(tx));
    if (tx.origin === 'wallet') this.indexOutputs(tx.txidHex, tx.outputs);
  }

  meta(txid: string): TxMeta | undefined {
    return this.metas.get(txid);
  }

  /** Records a stored block as a home of its coinbase and its transactions. */
  recordBlock(block: StoredBlock): void {
    const cb = block.coinbase.txid;
    const cbHex = Buffer.from(cb).reverse().toString('hex');
    this.locate(cbHex, block);
    this.indexOutputs(cbHex, block.coinbase.outputs);
    for (const txid of block.txids) this.locate(txid, block);
  }

  /** Blocks on any branch that include the transaction. */
  blocksOf(txid: string): readonly StoredBlock[] {
    return this.locations.get(txid) ?? [];
  }

  outputsTo(scriptPubKey: Buffer): readonly IndexedOutput[] {
    return this.byScript.get(scriptPubKey.toString('hex')) ?? [];
  }

  private locate(txid: string, block: StoredBlock): void {
    const list = this.locations.get(txid);
    if (list === undefined) this.locations.set(txid, [block]);
    else list.push(block);
  }

  private indexOutputs(txid: string, outputs: readonly TxOutput[]): void {
    outputs.forEach((o, vout) => {
      const key = o.scriptPubKey.toString('hex');
      const entry = { txid, vout, valueSats: o.valueSats };
      const list = this.byScript.get(key);
      if (list === undefined) this.byScript.set(key, [entry]);
      else list.push(entry);
    });
  }
}

function withoutData(tx: SimTx): TxMeta {
  const { txidHex, feeSats, weight, sigops, spends, origin } = tx;
  return { txidHex, feeSats, weight, sigops, spends, origin };
}
