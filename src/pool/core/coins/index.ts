export { blockSubsidySats, type CoinParams, type RetargetRule } from './coin-params.js';
export {
  BITCOIN_REGTEST_COIN,
  COINS,
  LITECOIN_REGTEST_COIN,
  SIM_BLAKE3_COIN,
  SIM_SCRYPT_COIN,
  SIM_SHA256D_COIN,
  findCoin,
} from './catalogue.js';
