import { encodeAddress, witnessScript } from '../../pool/core/address/index.js';
import type { CoinParams } from '../../pool/core/coins/index.js';
import { sha256 } from '../../pool/core/hash.js';

/**
 * A valid segwit v0 address of the coin, derived from a label: the same label gives the same
 * address in every run, so reports name the same accounts for one scenario.
 */
export function labelAddress(coin: CoinParams, label: string): string {
  const program = sha256(Buffer.from(`chimera/${label}`, 'utf8')).subarray(0, 20);
  return encodeAddress(witnessScript(0, program), coin.address);
}

/** The login's address part: what the pool credits (`address.worker`). */
export function accountOf(username: string): string {
  const dot = username.indexOf('.');
  return dot < 0 ? username : username.slice(0, dot);
}
