import { bech32, bech32m } from 'bech32';
import bs58check from 'bs58check';
import type { AddressParams } from './params.js';
import {
  p2pkhScript,
  p2shScript,
  witnessKind,
  witnessScript,
  type AddressKind,
} from './script-pubkey.js';

export type AddressDecode =
  | { readonly ok: true; readonly scriptPubKey: Buffer; readonly kind: AddressKind }
  | { readonly ok: false; readonly error: string };

/** BIP173: a segwit address is at most 90 characters. */
const BECH32_MAX_LENGTH = 90;

/**
 * An address of the given network to the output script that pays it. Segwit addresses follow
 * BIP173 (version 0, bech32) and BIP350 (version 1+, bech32m); base58check addresses must carry
 * one of the network's version bytes. A bad address is a value, not a throw.
 */
export function decodeAddress(address: string, params: AddressParams): AddressDecode {
  if (address.length === 0) return fail('empty address');
  const lower = address.toLowerCase();
  if (lower.startsWith(`${params.bech32Hrp}1`)) return decodeSegwit(address, params);
  const payload = bs58check.decodeUnsafe(address);
  if (payload !== undefined) return fromBase58(payload, params);
  if (looksBech32(address)) return decodeSegwit(address, params);
  return fail('neither a base58check address (bad characters or checksum) nor a segwit address');
}

function decodeSegwit(address: string, params: AddressParams): AddressDecode {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) {
    return fail('mixed case in a bech32 address');
  }
  const asBech32 = bech32.decodeUnsafe(address, BECH32_MAX_LENGTH);
  const asBech32m = asBech32 ? undefined : bech32m.decodeUnsafe(address, BECH32_MAX_LENGTH);
  const decoded = asBech32 ?? asBech32m;
  if (decoded === undefined) return fail('bad bech32/bech32m checksum or characters');
  if (decoded.prefix !== params.bech32Hrp) {
    return fail(`address is for hrp '${decoded.prefix}', this network uses '${params.bech32Hrp}'`);
  }
  const [version, ...programWords] = decoded.words;
  if (version === undefined) return fail('empty data section');
  if (version > 16) return fail(`witness version ${version} (0..16 exist)`);
  if (version === 0 && asBech32 === undefined) return fail('witness v0 must use bech32 (BIP173)');
  if (version > 0 && asBech32m === undefined) {
    return fail(`witness v${version} must use bech32m (BIP350)`);
  }
  const program = bech32.fromWordsUnsafe(programWords);
  if (program === undefined) return fail('bad padding in the witness program');
  if (program.length < 2 || program.length > 40) {
    return fail(`witness program of ${program.length} bytes (2..40 allowed)`);
  }
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return fail(`witness v0 program of ${program.length} bytes (20 or 32 allowed)`);
  }
  const bytes = Buffer.from(program);
  return {
    ok: true,
    scriptPubKey: witnessScript(version, bytes),
    kind: witnessKind(version, bytes.length),
  };
}

function fromBase58(payload: Uint8Array, params: AddressParams): AddressDecode {
  if (payload.length !== 21) return fail(`base58 payload of ${payload.length} bytes (21 expected)`);
  const prefix = payload[0]!;
  const hash = payload.subarray(1);
  if (prefix === params.pubKeyHashPrefix) {
    return { ok: true, scriptPubKey: p2pkhScript(hash), kind: 'p2pkh' };
  }
  if (params.scriptHashPrefixes.includes(prefix)) {
    return { ok: true, scriptPubKey: p2shScript(hash), kind: 'p2sh' };
  }
  return fail(`base58 version byte ${prefix} is not this network's`);
}

/** Has a separator and only bech32 characters around it: worth a segwit decode for its error. */
function looksBech32(address: string): boolean {
  return /^[a-z0-9]{1,83}1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/i.test(address);
}

function fail(error: string): AddressDecode {
  return { ok: false, error };
}
