import { BITCOIN_REGTEST, LITECOIN_REGTEST, type AddressParams } from '../address/params.js';
import type { CoinParams } from './coin-params.js';

const COIN = 100_000_000n;

/** Twin of litecoind 0.21's regtest (see REGTEST-NOTES.md). */
export const LITECOIN_REGTEST_COIN: CoinParams = {
  id: 'litecoin-regtest',
  name: 'Litecoin (regtest)',
  ticker: 'LTC',
  network: 'regtest',
  algorithm: 'scrypt',
  address: LITECOIN_REGTEST,
  templateRules: ['mweb', 'segwit'],
  targetBlockTimeSec: 150,
  powLimitBits: 0x207fffff,
  retarget: { kind: 'none' },
  initialSubsidySats: 50n * COIN,
  halvingIntervalBlocks: 150,
  coinbaseMaturity: 100,
  bip34Height: 500,
  segwit: true,
  mwebActivationHeight: 432,
};

/** Twin of Bitcoin Core 29's regtest. */
export const BITCOIN_REGTEST_COIN: CoinParams = {
  id: 'bitcoin-regtest',
  name: 'Bitcoin (regtest)',
  ticker: 'BTC',
  network: 'regtest',
  algorithm: 'sha256d',
  address: BITCOIN_REGTEST,
  templateRules: ['segwit'],
  targetBlockTimeSec: 600,
  powLimitBits: 0x207fffff,
  retarget: { kind: 'none' },
  initialSubsidySats: 50n * COIN,
  halvingIntervalBlocks: 150,
  coinbaseMaturity: 100,
  bip34Height: 1,
  segwit: true,
};

const simAddress = (bech32Hrp: string): AddressParams => ({ ...BITCOIN_REGTEST, bech32Hrp });

/** Main-net-like simulated coins whose difficulty follows the hashrate. */
export const SIM_SHA256D_COIN: CoinParams = {
  ...BITCOIN_REGTEST_COIN,
  id: 'sim-sha256d',
  name: 'Simulated sha256d coin (Bitcoin-like)',
  ticker: 'SBTC',
  network: 'sim',
  address: simAddress('sbtc'),
  powLimitBits: 0x1d00ffff,
  retarget: { kind: 'interval', intervalBlocks: 2016, maxFactor: 4 },
  halvingIntervalBlocks: 210_000,
};

export const SIM_SCRYPT_COIN: CoinParams = {
  ...LITECOIN_REGTEST_COIN,
  id: 'sim-scrypt',
  name: 'Simulated scrypt coin (Litecoin-like)',
  ticker: 'SLTC',
  network: 'sim',
  address: { ...LITECOIN_REGTEST, bech32Hrp: 'sltc' },
  templateRules: ['segwit'],
  powLimitBits: 0x1e0fffff,
  retarget: { kind: 'interval', intervalBlocks: 2016, maxFactor: 4 },
  halvingIntervalBlocks: 840_000,
  bip34Height: 1,
  mwebActivationHeight: undefined,
};

export const SIM_BLAKE3_COIN: CoinParams = {
  ...BITCOIN_REGTEST_COIN,
  id: 'sim-blake3',
  name: 'Simulated blake3 coin (per-block LWMA retarget)',
  ticker: 'SB3',
  network: 'sim',
  algorithm: 'blake3',
  address: simAddress('sb3'),
  targetBlockTimeSec: 60,
  powLimitBits: 0x1f00ffff,
  retarget: { kind: 'lwma', windowBlocks: 45 },
  halvingIntervalBlocks: 1_000_000,
};

export const COINS: readonly CoinParams[] = [
  LITECOIN_REGTEST_COIN,
  BITCOIN_REGTEST_COIN,
  SIM_SHA256D_COIN,
  SIM_SCRYPT_COIN,
  SIM_BLAKE3_COIN,
];

export function findCoin(id: string): CoinParams | undefined {
  return COINS.find((c) => c.id === id);
}
