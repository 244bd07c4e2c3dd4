export { decodeAddress } from './decode.js';
export type { AddressDecode } from './decode.js';
export { encodeAddress } from './encode.js';
export { BITCOIN_MAINNET, BITCOIN_REGTEST, LITECOIN_MAINNET, LITECOIN_REGTEST } from './params.js';
export type { AddressParams } from './params.js';
export { classifyScript, p2pkhScript, p2shScript, witnessScript } from './script-pubkey.js';
export type { AddressKind, StandardScript } from './script-pubkey.js';
