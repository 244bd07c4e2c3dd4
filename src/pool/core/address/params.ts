/** What a network's addresses look like. */
export interface AddressParams {
  /** Human-readable part of its bech32/bech32m addresses, lower case. */
  readonly bech32Hrp: string;
  /** Base58 version byte of P2PKH addresses. */
  readonly pubKeyHashPrefix: number;
  /**
   * Base58 version bytes accepted for P2SH addresses. The first is the one encodeAddress
   * writes: Litecoin Core writes SCRIPT_ADDRESS2 ('M' on mainnet) and still reads the old 5.
   */
  readonly scriptHashPrefixes: readonly number[];
}

/** Bitcoin Core chainparams: main. */
export const BITCOIN_MAINNET: AddressParams = Object.freeze({
  bech32Hrp: 'bc',
  pubKeyHashPrefix: 0,
  scriptHashPrefixes: Object.freeze([5]),
});

/** Bitcoin Core chainparams: regtest (base58 as testnet). */
export const BITCOIN_REGTEST: AddressParams = Object.freeze({
  bech32Hrp: 'bcrt',
  pubKeyHashPrefix: 111,
  scriptHashPrefixes: Object.freeze([196]),
});

/** Litecoin Core chainparams: main (PUBKEY_ADDRESS 48, SCRIPT_ADDRESS2 50, SCRIPT_ADDRESS 5). */
export const LITECOIN_MAINNET: AddressParams = Object.freeze({
  bech32Hrp: 'ltc',
  pubKeyHashPrefix: 48,
  scriptHashPrefixes: Object.freeze([50, 5]),
});

/** Litecoin Core chainparams: regtest (PUBKEY_ADDRESS 111, SCRIPT_ADDRESS2 58, SCRIPT_ADDRESS 196). */
export const LITECOIN_REGTEST: AddressParams = Object.freeze({
  bech32Hrp: 'rltc',
  pubKeyHashPrefix: 111,
  scriptHashPrefixes: Object.freeze([58, 196]),
});
