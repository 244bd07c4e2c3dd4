import { z } from 'zod';
import { COINS, findCoin } from '../../pool/core/coins/index.js';
import { closedObject } from './closed-object.js';
import { durationMs, hashrate, idText, positiveDurationMs } from './fields.js';

const COIN_IDS = COINS.map((c) => c.id);

const coinId = () => {
  const message = `expected a coin id, one of: ${COIN_IDS.join(', ')}`;
  return z
    .string({ error: message })
    .refine((id) => findCoin(id) !== undefined, { error: message })
    .meta({ description: `Coin from the catalogue: ${COIN_IDS.join(', ')}.` });
};

/** The in-process blockchain twin (src/sim/chain). */
const simChain = closedObject({
  coin: coinId(),
  blockTime: positiveDurationMs()
    .optional()
    .meta({ description: "Target block interval. Default: the coin's own." }),
  externalHashrate: hashrate()
    .prefault('0H')
    .meta({ description: 'Hashrate of the rest of the network, competing with the pool.' }),
  propagationDelay: durationMs()
    .prefault('0s')
    .meta({ description: 'Spread of block propagation to external miners (stale races).' }),
  txRate: z
    .number({ error: 'expected transactions per second, a number >= 0' })
    .min(0, { error: 'expected transactions per second, a number >= 0' })
    .prefault(0)
    .meta({ description: 'Synthetic transactions per second entering the mempool.' }),
}).transform((c) => ({
  kind: 'sim' as const,
  coin: c.coin,
  blockTimeMs: c.blockTime ?? (findCoin(c.coin)?.targetBlockTimeSec ?? 0) * 1000,
  externalHashrate: c.externalHashrate,
  propagationDelayMs: c.propagationDelay,
  txPerSec: c.txRate,
}));

const httpUrl = () => {
  const message = 'expected an http:// or https:// URL like http://user:pass@127.0.0.1:9332';
  return z.string({ error: message }).refine(isHttpUrl, { error: message });
};

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A bitcoind-compatible daemon already running (real or `chimera chain`). */
const rpcChain = closedObject({
  coin: coinId(),
  url: httpUrl(),
  cookie: z
    .string({ error: 'expected the path of an RPC cookie file' })
    .optional()
    .meta({ description: 'RPC cookie file instead of a password in the URL.' }),
}).transform((c) => ({ kind: 'rpc' as const, coin: c.coin, url: c.url, cookieFile: c.cookie }));

/** A real daemon in regtest, started and stopped by the run (src/regtest). */
const regtestChain = closedObject({
  daemon: z.literal('litecoind', { error: "expected 'litecoind'" }),
  mweb: z
    .boolean({ error: 'expected true or false' })
    .prefault(false)
    .meta({ description: 'Activate MWEB before mining.' }),
}).transform((c) => ({
  kind: 'regtest' as const,
  daemon: c.daemon,
  coin: 'litecoin-regtest',
  mweb: c.mweb,
}));

const chainSchema = z
  .union(
    [
      closedObject({ sim: simChain }).transform((c) => c.sim),
      closedObject({ rpc: rpcChain }).transform((c) => c.rpc),
      closedObject({ regtest: regtestChain }).transform((c) => c.regtest),
    ],
    { error: 'expected exactly one of: sim, rpc, regtest' },
  )
  .meta({ description: 'Where blocks come from: { sim }, { rpc } or { regtest }.' });

export const networkSchema = closedObject({
  id: idText('a network'),
  chain: chainSchema,
});

export type NetworkSpec = z.output<typeof networkSchema>;
export type ChainSpec = NetworkSpec['chain'];
