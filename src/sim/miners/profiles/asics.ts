import { BIP320_ROLLING, BMMINER, CGMINER_RECONNECT, GH, TH } from './common.js';
import type { HardwareProfile } from './types.js';

/** Industrial ASICs: one algorithm each, at the makers' published nominal rates. */

export const ANTMINER_S19: HardwareProfile = {
  id: 'antminer-s19',
  name: 'Bitmain Antminer S19 (95 TH/s)',
  ...BMMINER,
  kind: 'asic',
  hashrate: { sha256d: { hashesPerSec: 95 * TH, spread: 0.03 } },
  protocol: { versionRolling: BIP320_ROLLING, extranonceSubscribe: false },
  sources: [
    'Bitmain Antminer S19 specification: 95 TH/s, 3250 W (hashrate tolerance +/-3%)',
    'cgminer util.c: set_difficulty stores pool->next_diff, applied in parse_notify',
    'cgminer 4.10 mining.configure: version-rolling mask 1fffe000, min-bit-count 2',
  ],
};

export const ANTMINER_S21: HardwareProfile = {
  id: 'antminer-s21',
  name: 'Bitmain Antminer S21 (200 TH/s)',
  ...BMMINER,
  kind: 'asic',
  hashrate: { sha256d: { hashesPerSec: 200 * TH, spread: 0.03 } },
  protocol: { versionRolling: BIP320_ROLLING, extranonceSubscribe: false },
  sources: [
    'Bitmain Antminer S21 (200Th) specification: 200 TH/s, 3500 W, 17.5 J/TH',
    'the spread is the +/-3% tolerance of the S19 sheet, assumed for its successor',
    "Bitmain's stock firmware is its cgminer fork (bmminer), as on the S19: next_diff at notify, overt AsicBoost with the BIP 320 mask 1fffe000",
  ],
};

export const ANTMINER_L7: HardwareProfile = {
  id: 'antminer-l7',
  name: 'Bitmain Antminer L7 (9.5 GH/s scrypt)',
  ...BMMINER,
  kind: 'asic',
  hashrate: { scrypt: { hashesPerSec: 9.5 * GH, spread: 0.03 } },
  // No version rolling: AsicBoost is a SHA-256 midstate trick; scrypt gains nothing from it.
  protocol: { extranonceSubscribe: false },
  sources: ['Bitmain Antminer L7 specification: 9500 MH/s, 3425 W (tolerance +/-3%)'],
};

export const ANTMINER_L9: HardwareProfile = {
  id: 'antminer-l9',
  name: 'Bitmain Antminer L9 (16 GH/s scrypt)',
  ...BMMINER,
  kind: 'asic',
  hashrate: { scrypt: { hashesPerSec: 16 * GH, spread: 0.03 } },
  // As on the L7: no version rolling for scrypt.
  protocol: { extranonceSubscribe: false },
  sources: [
    'Bitmain Antminer L9 (16Gh) specification: 16 GH/s (16000 MH/s), 3360 W, 0.21 J/MH',
    'the spread is the +/-3% tolerance of the L7 sheet, assumed for its successor; firmware as the L7',
  ],
};

export const ICERIVER_AL3: HardwareProfile = {
  id: 'iceriver-al3',
  name: 'IceRiver AL3 (15 TH/s blake3, Alephium)',
  kind: 'asic',
  hashrate: { blake3: { hashesPerSec: 15 * TH, spread: 0.1 } },
  userAgent: 'IceRiverMiner-v1.1',
  connect: { latencyMs: 60, jitterMs: 30 },
  // IceRiver's firmware is closed; the cgminer family's back-off and next-notify stand in.
  reconnect: CGMINER_RECONNECT,
  // No version rolling: BIP 310 is a Bitcoin-header extension.
  protocol: { extranonceSubscribe: false },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
  sources: [
    'IceRiver AL3 specification: 15 TH/s +/-10%, 3500 W +/-10% (Blake3, Alephium)',
    "the rate is Alephium hashes as the maker counts them; the simulated blake3 coin hashes an 80-byte header over Stratum v1 instead of Alephium's own job format",
    "Kaspa stratum bridges (kaspa-stratum-bridge and forks) match IceRiver's firmware by its user agent, IceRiverMiner-v1.1 on the KS series; the AL3 is assumed to announce itself alike",
  ],
};
