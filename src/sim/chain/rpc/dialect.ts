import type { CoinParams } from '../../../pool/core/coins/index.js';

/**
 * Where the two daemons the simulator stands in for answer differently. Everything else
 * (method results, error codes and messages, HTTP statuses of 1.0-style calls) is shared.
 */
export interface DaemonDialect {
  readonly id: 'litecoind-0.21' | 'bitcoind-29';
  /** getnetworkinfo's `version` and `subversion`. */
  readonly version: number;
  readonly subversion: string;
  readonly protocolVersion: number;
  /**
   * Bitcoin Core 28+: a request saying `"jsonrpc":"2.0"` gets a strict 2.0 answer (HTTP 200
   * for errors, only one of result/error, 204 for a notification) and an answer without an id
   * key has none. litecoind 0.21 ignores the field and answers every call 1.0-style.
   */
  readonly strictJsonRpc2: boolean;
  /**
   * Parameter type errors. 0.21 lets UniValue throw (-1 "JSON value is not a string as
   * expected"); 29 checks types first (-3 "JSON value of type number is not of expected type
   * string").
   */
  readonly typeCheckedParams: boolean;
  /** Core 22+ writes `address`; 0.21 writes `addresses: [...]` and `reqSigs`. */
  readonly singleAddressField: boolean;
  /** getblockchaininfo `warnings`: a string in 0.21, a list in 29. */
  readonly warningsAsList: boolean;
  /** Core 22+ says why an address is invalid (`error`, `error_locations`). */
  readonly explainsInvalidAddress: boolean;
  /**
   * getpeerinfo's newer fields: `bip152_hb_to`/`bip152_hb_from` (22), `addr_relay_enabled`,
   * `addr_processed`, `addr_rate_limited` (23), `presynced_headers` (24),
   * `transport_protocol_type` and `session_id` (26). 0.21 has none of them.
   */
  readonly peerInfoSince22: boolean;
  /**
   * getnetworkinfo's `localservices` and the peer's `services`: litecoind 0.21 adds NODE_MWEB
   * (1 << 24) to NETWORK, WITNESS and NETWORK_LIMITED.
   */
  readonly services: string;
  readonly serviceNames: readonly string[];
}

export const LITECOIND_0_21: DaemonDialect = {
  id: 'litecoind-0.21',
  version: 210201,
  subversion: '/LitecoinCore:0.21.2.1(chimera-sim)/',
  protocolVersion: 70016,
  strictJsonRpc2: false,
  typeCheckedParams: false,
  singleAddressField: false,
  warningsAsList: false,
  explainsInvalidAddress: false,
  peerInfoSince22: false,
  services: '0000000001000409',
  serviceNames: ['NETWORK', 'WITNESS', 'NETWORK_LIMITED', 'MWEB'],
};

export const BITCOIND_29: DaemonDialect = {
  id: 'bitcoind-29',
  version: 290000,
  subversion: '/Satoshi:29.0.0(chimera-sim)/',
  protocolVersion: 70016,
  strictJsonRpc2: true,
  typeCheckedParams: true,
  singleAddressField: true,
  warningsAsList: true,
  explainsInvalidAddress: true,
  peerInfoSince22: true,
  services: '0000000000000409',
  serviceNames: ['NETWORK', 'WITNESS', 'NETWORK_LIMITED'],
};

/** Scrypt coins answer as litecoind, every other coin as Bitcoin Core. */
export function dialectFor(coin: CoinParams): DaemonDialect {
  return coin.algorithm === 'scrypt' ? LITECOIND_0_21 : BITCOIND_29;
}
