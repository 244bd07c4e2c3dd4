import { BITCOIN_REGTEST, encodeAddress, witnessScript } from '../../pool/core/address/index.js';
import { BITCOIN_REGTEST_COIN } from '../../pool/core/coins/index.js';
import { sha256d } from '../../pool/core/hash.js';
import { VirtualTime, createRng } from '../../runtime/index.js';
import { ChainSim, type ChainSimOptions } from './chain-sim.js';

/** 2023-11-14: any fixed start works; genesis takes its time from the clock. */
export const START_MS = 1_700_000_000_000;

/** sha256d as the proof-of-work hash: about half of all headers meet the regtest target. */
export const SHA256D_POW = (header: Uint8Array): Buffer => sha256d(header);

export const WALLET_SCRIPT = witnessScript(0, Buffer.alloc(20, 0x11));
export const WALLET_ADDRESS = encodeAddress(WALLET_SCRIPT, BITCOIN_REGTEST);
export const MINER_A = encodeAddress(witnessScript(0, Buffer.alloc(20, 0xa1)), BITCOIN_REGTEST);
export const MINER_B = encodeAddress(witnessScript(0, Buffer.alloc(20, 0xb2)), BITCOIN_REGTEST);

/** A bitcoin-regtest simulator on a virtual clock with the pool's wallet, not started. */
export function makeSim(
  overrides: Partial<ChainSimOptions> = {},
  seed: string | number = 'chain',
): {
  readonly sim: ChainSim;
  readonly vt: VirtualTime;
} {
  const vt = new VirtualTime(START_MS);
  const sim = new ChainSim({
    coin: BITCOIN_REGTEST_COIN,
    scheduler: vt,
    rng: createRng(seed),
    powHash: SHA256D_POW,
    wallet: { address: WALLET_ADDRESS },
    ...overrides,
  });
  return { sim, vt };
}
