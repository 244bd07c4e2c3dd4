import { CPUMINER, GH, KH, MH, SGMINER } from './common.js';
import type { HardwareProfile } from './types.js';

/**
 * GPUs and CPUs: every algorithm they can run, at public benchmark figures (makers publish
 * no hashrates for general-purpose hardware).
 */

export const GPU_MIDRANGE: HardwareProfile = {
  id: 'gpu-midrange',
  name: 'Mid-range GPU (RTX 3080 class) on an sgminer-style miner',
  ...SGMINER,
  kind: 'gpu',
  hashrate: {
    sha256d: { hashesPerSec: 4.8 * GH, spread: 0.1 },
    scrypt: { hashesPerSec: 1.0 * MH, spread: 0.1 },
    blake3: { hashesPerSec: 3.0 * GH, spread: 0.1 },
    blake2s: { hashesPerSec: 4.0 * GH, spread: 0.1 },
  },
  protocol: { extranonceSubscribe: true },
  sources: [
    'hashcat 6 benchmark, RTX 3080: SHA2-256 ~9.7 GH/s, so ~4.8 GH/s of double SHA-256',
    'Litecoin wiki, mining hardware comparison: high-end GPUs ~0.5-1 MH/s on scrypt(1024,1,1)',
    'Alephium blake3 GPU miner figures for RTX 3080 (~3 GH/s); blake2s from hashcat BLAKE2 rates',
    'sgminer is a cgminer fork: next_diff at notify, mining.extranonce.subscribe support',
  ],
};

/**
 * Figures are ratios to the mid-range card where no direct benchmark of the algorithm as a
 * coin uses it exists. No blake2s figure: nothing public to derive it from.
 */
export const GPU_HIGHEND: HardwareProfile = {
  id: 'gpu-highend',
  name: 'High-end GPU (RTX 4090 class) on an sgminer-style miner',
  ...SGMINER,
  kind: 'gpu',
  hashrate: {
    sha256d: { hashesPerSec: 11 * GH, spread: 0.1 },
    // Wider: scrypt on GPUs depends on per-card kernel tuning (lookup gap, thread count).
    scrypt: { hashesPerSec: 2.0 * MH, spread: 0.15 },
    blake3: { hashesPerSec: 6.5 * GH, spread: 0.1 },
  },
  protocol: { extranonceSubscribe: true },
  sources: [
    "hashcat 6.2.6 benchmark, RTX 4090 (Chick3nman's published run): SHA2-256 ~22.0 GH/s, so ~11 GH/s of double SHA-256 (2.3x the RTX 3080's 9.7 GH/s)",
    "hashcat -m 8900, scrypt(16384,8,1): RTX 4090 ~5.7 kH/s, RTX 3070 ~1.9 kH/s (hashcat PR #3950); by CUDA cores a 3080 makes ~2.8 kH/s, so the 4090 does about twice a 3080: the mid-range profile's 1.0 MH/s of scrypt(1024,1,1), doubled (scaling the 4090's figure by work alone, x128, gives a floor of ~0.7 MH/s)",
    "rigel on an RTX 3060: ~1.0 GH/s on Alephium's blake3 (rigelminer/rigel#168); NVIDIA specifications: the RTX 4090's 16,384 CUDA cores at 2.52 GHz boost are 6.5x the 3060's 3,584 at 1.78 GHz, so ~6.5 GH/s (the SHA-256 ratio to the mid-range card's 3 GH/s gives ~6.8 GH/s)",
    'sgminer is a cgminer fork: next_diff at notify, mining.extranonce.subscribe support',
  ],
};

/** The one profile that mines every built-in algorithm. */
export const CPU_GENERIC: HardwareProfile = {
  id: 'cpu-generic',
  name: 'Desktop CPU (8 threads) on pooler cpuminer / cpuminer-multi',
  ...CPUMINER,
  kind: 'cpu',
  hashrate: {
    sha256d: { hashesPerSec: 40 * MH, spread: 0.15 },
    scrypt: { hashesPerSec: 80 * KH, spread: 0.15 },
    blake3: { hashesPerSec: 60 * MH, spread: 0.15 },
    blake2s: { hashesPerSec: 50 * MH, spread: 0.15 },
  },
  connect: { latencyMs: 30, jitterMs: 20 },
  protocol: { extranonceSubscribe: false },
  sources: [
    'pooler/cpuminer cpu-miner.c: subscribe id 1, authorize id 2, every submit "id":4; opt_fail_pause 30 s',
    'pooler/cpuminer util.c: stratum_set_difficulty stores next_diff, applied at the next notify',
    'cpuminer --benchmark orders of magnitude on an 8-thread AVX2 desktop (sha256d ~5 MH/s, scrypt ~10 kH/s per thread)',
  ],
};

/**
 * A rack server on the same software as the desktop: its per-thread rates, times 128
 * threads, times 0.75 for an all-core clock near 3.1 GHz against a desktop's ~4.2 GHz
 * (pooler's cpuminer uses AVX2, not the SHA extensions, so those add nothing). Identical
 * rack units differ less than desktops do; a data-centre host sits close to the pool.
 */
export const CPU_SERVER: HardwareProfile = {
  id: 'cpu-server',
  name: 'Server CPU (64-core EPYC 7763 class, 128 threads) on pooler cpuminer / cpuminer-multi',
  ...CPUMINER,
  kind: 'cpu',
  hashrate: {
    sha256d: { hashesPerSec: 480 * MH, spread: 0.1 },
    scrypt: { hashesPerSec: 960 * KH, spread: 0.1 },
    blake3: { hashesPerSec: 720 * MH, spread: 0.1 },
    blake2s: { hashesPerSec: 600 * MH, spread: 0.1 },
  },
  connect: { latencyMs: 15, jitterMs: 10 },
  protocol: { extranonceSubscribe: false },
  sources: [
    'AMD EPYC 7763 specification: 64 cores, 128 threads, 2.45 GHz base, up to 3.5 GHz boost, AVX2',
    "cpu-generic's per-thread figures (sha256d ~5 MH/s, scrypt ~10 kH/s, blake3 ~7.5 MH/s, blake2s ~6.25 MH/s) x 128 threads x 0.75",
    'pooler/cpuminer: submit "id":4, opt_fail_pause 30 s, next_diff at notify (as cpu-generic)',
  ],
};
