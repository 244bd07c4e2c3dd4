import { ChimeraError } from '../../errors.js';

/**
 * Every code the chain simulator throws, with what it means. All are bugs or unusable
 * configuration: a block's verdict, a wallet's refusal and an RPC fault are values or the
 * node layer's RPC_* codes, never these.
 */
export const SIM_ERROR_CODES = {
  SIM_CONFIG:
    'The simulator was configured wrongly (initial bits easier than powLimit, bad wallet address).',
  SIM_BAD_FAULT:
    'A fault was asked with impossible parameters (reorg deeper than the chain, factor <= 0, negative latency).',
  SIM_BAD_HASHRATE:
    'An external hashrate or hashrate factor that is negative, zero where it must not be, or not finite.',
  SIM_BAD_RATE: 'A transaction arrival rate that is negative or not finite.',
  SIM_UNKNOWN_PARENT: 'A block was stored before its parent: the caller skipped validation.',
  SIM_DUPLICATE_BLOCK: 'A block was stored twice: the caller skipped the duplicate check.',
  SIM_NO_FORK_POINT: 'A branch does not lead back to genesis: the block tree is corrupt.',
  SIM_BAD_COINBASE: 'The simulator built a coinbase it cannot decode: a bug in block assembly.',
  SIM_AMOUNT_RANGE:
    'An amount does not fit a JSON number exactly (getblocktemplate fee or coinbasevalue).',
} as const;

export type SimErrorCode = keyof typeof SIM_ERROR_CODES;

export function simError(
  code: SimErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}
