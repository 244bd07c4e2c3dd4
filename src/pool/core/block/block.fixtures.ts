import pow from '../../../../../shared/vectors/pow.json' with { type: 'json' };
import btc102 from '../../../../../shared/vectors/gbt/bitcoind-29.99-h102.json' with { type: 'json' };
import ltc102empty from '../../../../../shared/vectors/gbt/litecoind-0.21-h102-empty.json' with { type: 'json' };
import ltc102 from '../../../../../shared/vectors/gbt/litecoind-0.21-h102.json' with { type: 'json' };
import ltc432 from '../../../../../shared/vectors/gbt/litecoind-0.21-h432-mweb.json' with { type: 'json' };
import { parseBlockTemplate, type BlockTemplate } from './template.js';

/** Shared test vectors (read-only, outside the repository): public chain facts and real gbt answers. */
export const POW_VECTORS = pow;

export interface GbtVector {
  readonly name: string;
  readonly raw: {
    readonly default_witness_commitment?: string;
    readonly transactions: readonly { readonly txid: string; readonly hash: string }[];
  };
  readonly template: BlockTemplate;
}

const RAW: readonly (readonly [string, unknown])[] = [
  ['bitcoind-29.99-h102', btc102],
  ['litecoind-0.21-h102-empty', ltc102empty],
  ['litecoind-0.21-h102', ltc102],
  ['litecoind-0.21-h432-mweb', ltc432],
];

/** Every template in vectors/gbt, parsed. */
export const GBT_VECTORS: readonly GbtVector[] = RAW.map(([name, raw]) => {
  const parsed = parseBlockTemplate(raw);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return { name, raw: raw as GbtVector['raw'], template: parsed.template };
});
