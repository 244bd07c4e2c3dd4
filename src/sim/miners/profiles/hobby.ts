import { BIP320_ROLLING, CGMINER_RECONNECT, GH, KH, MH, TH } from './common.js';
import type { HardwareProfile } from './types.js';

/** Home and hobby miners: small rates, open firmware, and the quirks that come with it. */

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
