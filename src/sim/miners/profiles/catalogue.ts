import type { ReconnectPolicy } from '../client/backoff.js';
import type { HardwareProfile } from './types.js';

/**
 * Hardware profiles. Hashrates are the makers' published nominal figures (or public
 * benchmarks for general-purpose hardware); user agents, handshakes and quirks follow the
 * firmware's source where it is public. Units of one model differ by the stated spread.
 * Simulations usually shrink every rate by a farm's hashrate scale (see farm-spec.ts).
 */

const TH = 1e12;
const GH = 1e9;
const MH = 1e6;
const KH = 1e3;

/** cgminer family: retries a dead pool on a growing wait; bmminer inherits it. */
const CGMINER_RECONNECT: ReconnectPolicy = {
  initialMs: 5_000,
  maxMs: 60_000,
  factor: 2,
  jitter: 0.2,
};

/** BIP 310's mask as cgminer 4.10+ (and bmminer) request it: bits 13..28 (BIP 320). */
const BIP320_ROLLING = { mask: 0x1fffe000, minBitCount: 2 } as const;

export const ANTMINER_S19: HardwareProfile = {
  id: 'antminer-s19',
  name: 'Bitmain Antminer S19 (95 TH/s)',
  kind: 'asic',
  hashrate: { sha256d: { hashesPerSec: 95 * TH, spread: 0.03 } },
  userAgent: 'bmminer/2.0.0',
  connect: { latencyMs: 60, jitterMs: 30 },
  reconnect: CGMINER_RECONNECT,
  protocol: { versionRolling: BIP320_ROLLING, extranonceSubscribe: false },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
  sources: [
    'Bitmain Antminer S19 specification: 95 TH/s, 3250 W (hashrate tolerance +/-3%)',
    'cgminer util.c: set_difficulty stores pool->next_diff, applied in parse_notify',
    'cgminer 4.10 mining.configure: version-rolling mask 1fffe000, min-bit-count 2',
  ],
};

export const BITAXE_GAMMA: HardwareProfile = {
  id: 'bitaxe-gamma',
  name: 'Bitaxe Gamma 601 (BM1370, ESP-Miner/AxeOS)',
  kind: 'hobby',
  hashrate: { sha256d: { hashesPerSec: 1.2 * TH, spread: 0.05 } },
  userAgent: 'bitaxe/BM1370/v2.5.0',
  connect: { latencyMs: 40, jitterMs: 20 },
  reconnect: { initialMs: 5_000, maxMs: 5_000, factor: 1, jitter: 0.1 },
  protocol: {
    versionRolling: { mask: 0xffffffff, minBitCount: 0 },
    extranonceSubscribe: true,
    suggestDifficulty: 1000,
  },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential', minimumDifficulty: 256 },
  sources: [
    'bitaxeorg/bitaxe Gamma 601 README: ~1.2 TH/s at stock frequency',
    'bitaxeorg/esp-miner stratum_api.c: mining.configure with version-rolling.mask ffffffff, then subscribe, extranonce.subscribe, suggest_difficulty (CONFIG_STRATUM_DIFFICULTY 1000)',
    'esp-miner: jobs are built with the difficulty in force when the notify arrives; the ASIC ticket mask reports nonces of difficulty >= 256',
  ],
};

export const GEKKO_COMPAC_F: HardwareProfile = {
  id: 'gekko-compac-f',
  name: 'GekkoScience Compac F USB stick (BM1397)',
  kind: 'hobby',
  hashrate: { sha256d: { hashesPerSec: 300 * GH, spread: 0.1 } },
  userAgent: 'cgminer/4.12.0',
  connect: { latencyMs: 40, jitterMs: 20 },
  reconnect: CGMINER_RECONNECT,
  protocol: { versionRolling: BIP320_ROLLING, extranonceSubscribe: false },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
  sources: [
    'GekkoScience Compac F product page: 200-400 GH/s depending on clock',
    'cgminer (kanoi fork, gekko driver): version rolling and next_diff as above',
  ],
};

export const NERDMINER_V2: HardwareProfile = {
  id: 'nerdminer-v2',
  name: 'NerdMiner v2 (ESP32-S3, software SHA-256)',
  kind: 'hobby',
  hashrate: { sha256d: { hashesPerSec: 55 * KH, spread: 0.1 } },
  userAgent: 'NerdMinerV2/1.6.3',
  connect: { latencyMs: 80, jitterMs: 60 },
  reconnect: { initialMs: 5_000, maxMs: 5_000, factor: 1, jitter: 0.2 },
  protocol: { extranonceSubscribe: false, suggestDifficulty: 0.00015 },
  quirks: { difficultyTiming: 'immediately', requestIds: 'sequential' },
  sources: [
    'BitMaker-hub/NerdMiner_v2 README: about 55 kH/s on a T-Display S3',
    'NerdMiner_v2 stratum.cpp: suggest_difficulty DEFAULT_DIFFICULTY 0.00015; the miner loop checks each hash against the difficulty in force',
  ],
};

export const ANTMINER_L7: HardwareProfile = {
  id: 'antminer-l7',
  name: 'Bitmain Antminer L7 (9.5 GH/s scrypt)',
  kind: 'asic',
  hashrate: { scrypt: { hashesPerSec: 9.5 * GH, spread: 0.03 } },
  userAgent: 'bmminer/2.0.0',
  connect: { latencyMs: 60, jitterMs: 30 },
  reconnect: CGMINER_RECONNECT,
  // No version rolling: AsicBoost is a SHA-256 midstate trick; scrypt gains nothing from it.
  protocol: { extranonceSubscribe: false },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
  sources: ['Bitmain Antminer L7 specification: 9500 MH/s, 3425 W (tolerance +/-3%)'],
};

export const GOLDSHELL_MINI_DOGE: HardwareProfile = {
  id: 'goldshell-mini-doge',
  name: 'Goldshell Mini-DOGE (185 MH/s scrypt, home miner)',
  kind: 'hobby',
  hashrate: { scrypt: { hashesPerSec: 185 * MH, spread: 0.05 } },
  userAgent: 'cgminer/4.9.2',
  connect: { latencyMs: 50, jitterMs: 30 },
  reconnect: CGMINER_RECONNECT,
  protocol: { extranonceSubscribe: true },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
  sources: ['Goldshell Mini-DOGE specification: 185 MH/s +/-5%, 233 W'],
};

export const GPU_MIDRANGE: HardwareProfile = {
  id: 'gpu-midrange',
  name: 'Mid-range GPU (RTX 3080 class) on an sgminer-style miner',
  kind: 'gpu',
  hashrate: {
    sha256d: { hashesPerSec: 4.8 * GH, spread: 0.1 },
    scrypt: { hashesPerSec: 1.0 * MH, spread: 0.1 },
    blake3: { hashesPerSec: 3.0 * GH, spread: 0.1 },
    blake2s: { hashesPerSec: 4.0 * GH, spread: 0.1 },
  },
  userAgent: 'sgminer/5.6.1',
  connect: { latencyMs: 50, jitterMs: 30 },
  reconnect: CGMINER_RECONNECT,
  protocol: { extranonceSubscribe: true },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
  sources: [
    'hashcat 6 benchmark, RTX 3080: SHA2-256 ~9.7 GH/s, so ~4.8 GH/s of double SHA-256',
    'Litecoin wiki, mining hardware comparison: high-end GPUs ~0.5-1 MH/s on scrypt(1024,1,1)',
    'Alephium blake3 GPU miner figures for RTX 3080 (~3 GH/s); blake2s from hashcat BLAKE2 rates',
    'sgminer is a cgminer fork: next_diff at notify, mining.extranonce.subscribe support',
  ],
};

/** The one profile that mines every built-in algorithm. */
export const CPU_GENERIC: HardwareProfile = {
  id: 'cpu-generic',
  name: 'Desktop CPU (8 threads) on pooler cpuminer / cpuminer-multi',
  kind: 'cpu',
  hashrate: {
    sha256d: { hashesPerSec: 40 * MH, spread: 0.15 },
    scrypt: { hashesPerSec: 80 * KH, spread: 0.15 },
    blake3: { hashesPerSec: 60 * MH, spread: 0.15 },
    blake2s: { hashesPerSec: 50 * MH, spread: 0.15 },
  },
  userAgent: 'cpuminer/2.5.1',
  connect: { latencyMs: 30, jitterMs: 20 },
  // cpuminer's --retry-pause defaults to 30 s (opt_fail_pause), without growth.
  reconnect: { initialMs: 30_000, maxMs: 30_000, factor: 1, jitter: 0 },
  protocol: { extranonceSubscribe: false },
  quirks: { difficultyTiming: 'next-notify', requestIds: 'cpuminer' },
  sources: [
    'pooler/cpuminer cpu-miner.c: subscribe id 1, authorize id 2, every submit "id":4; opt_fail_pause 30 s',
    'pooler/cpuminer util.c: stratum_set_difficulty stores next_diff, applied at the next notify',
    'cpuminer --benchmark orders of magnitude on an 8-thread AVX2 desktop (sha256d ~5 MH/s, scrypt ~10 kH/s per thread)',
  ],
};

export const PROFILES: readonly HardwareProfile[] = [
  ANTMINER_S19,
  BITAXE_GAMMA,
  GEKKO_COMPAC_F,
  NERDMINER_V2,
  ANTMINER_L7,
  GOLDSHELL_MINI_DOGE,
  GPU_MIDRANGE,
  CPU_GENERIC,
];

export function findProfile(id: string): HardwareProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}
