import type { CoinParams } from '../../pool/core/coins/index.js';

/**
 * What litecoind/bitcoind answer when getblocktemplate's `rules` lack one the coin needs
 * (RPC error -8), or undefined when the request is acceptable. For the RPC server.
 */
export function checkTemplateRules(
  coin: CoinParams,
  requested: readonly string[],
): string | undefined {
  const missing = coin.templateRules.find((rule) => !requested.includes(rule));
  return missing === undefined
    ? undefined
    : `getblocktemplate must be called with the ${missing} rule set`;
}
