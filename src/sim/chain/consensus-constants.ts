/** Consensus and policy numbers shared by Bitcoin Core and Litecoin Core. */

/** MAX_BLOCK_WEIGHT. */
export const MAX_BLOCK_WEIGHT = 4_000_000;
/** MAX_BLOCK_SIGOPS_COST, as getblocktemplate's sigoplimit. */
export const MAX_BLOCK_SIGOPS_COST = 80_000;
/** DEFAULT_BLOCK_MAX_WEIGHT: what BlockAssembler fills up to, coinbase reserve included. */
export const DEFAULT_BLOCK_MAX_WEIGHT = 3_996_000;
/** BlockAssembler starts its count here: room kept for the coinbase. */
export const COINBASE_RESERVED_WEIGHT = 4_000;
/** MAX_FUTURE_BLOCK_TIME: a header may run this far ahead of the node's clock. */
export const MAX_FUTURE_BLOCK_TIME_SEC = 2 * 60 * 60;
/** The version getblocktemplate offers with no deployment signalling (VERSIONBITS_TOP_BITS). */
export const TEMPLATE_BLOCK_VERSION = 0x20000000;
/** Blocks in the median-time-past window. */
export const MEDIAN_TIME_SPAN = 11;
/** The rules both daemons list in a segwit template (see vectors/gbt). */
export const SEGWIT_TEMPLATE_RULES: readonly string[] = ['csv', '!segwit', 'taproot'];
/** Below this an output is dust; the wallet folds such change into the fee. */
export const DUST_SATS = 546n;
