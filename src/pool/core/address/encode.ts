import { bech32, bech32m } from 'bech32';
import bs58check from 'bs58check';
import { ChimeraError } from '../../../errors.js';
import type { AddressParams } from './params.js';
import { classifyScript } from './script-pubkey.js';

/**
 * The address that a standard output script pays, on the given network (lower-case for
 * segwit). A script without an address form is a caller's bug: ChimeraError ADDRESS_NO_FORM.
 */
export function encodeAddress(scriptPubKey: Buffer, params: AddressParams): string {
  const s = classifyScript(scriptPubKey);
  if (s === undefined) {
    throw new ChimeraError('ADDRESS_NO_FORM', 'script has no address form', {
      scriptPubKey: scriptPubKey.toString('hex'),
    });
  }
  if (s.kind === 'p2pkh') return base58(params.pubKeyHashPrefix, s.hash);
  if (s.kind === 'p2sh') {
    const prefix = params.scriptHashPrefixes[0];
    if (prefix === undefined) throw new ChimeraError('ADDRESS_NO_FORM', 'network has no P2SH');
    return base58(prefix, s.hash);
  }
  const words = [s.version, ...bech32.toWords(s.program)];
  return s.version === 0
    ? bech32.encode(params.bech32Hrp, words)
    : bech32m.encode(params.bech32Hrp, words);
}

function base58(prefix: number, hash: Buffer): string {
  return bs58check.encode(Buffer.concat([Buffer.from([prefix]), hash]));
}
