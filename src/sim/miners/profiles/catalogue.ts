import { ANTMINER_L7, ANTMINER_L9, ANTMINER_S19, ANTMINER_S21, ICERIVER_AL3 } from './asics.js';
import { CPU_GENERIC, CPU_SERVER, GPU_HIGHEND, GPU_MIDRANGE } from './general-purpose.js';
import { BITAXE_GAMMA, GEKKO_COMPAC_F, GOLDSHELL_MINI_DOGE, NERDMINER_V2 } from './hobby.js';
import type { HardwareProfile } from './types.js';

/**
 * Hardware profiles. Hashrates are the makers' published nominal figures (or public
 * benchmarks for general-purpose hardware); user agents, handshakes and quirks follow the
 * firmware's source where it is public. Units of one model differ by the stated spread.
 * Simulations usually shrink every rate by a farm's hashrate scale (see farm-spec.ts).
 */

export {
  ANTMINER_L7,
  ANTMINER_L9,
  ANTMINER_S19,
  ANTMINER_S21,
  BITAXE_GAMMA,
  CPU_GENERIC,
  CPU_SERVER,
  GEKKO_COMPAC_F,
  GOLDSHELL_MINI_DOGE,
  GPU_HIGHEND,
  GPU_MIDRANGE,
  ICERIVER_AL3,
  NERDMINER_V2,
};

export const PROFILES: readonly HardwareProfile[] = [
  ANTMINER_S19,
  ANTMINER_S21,
  BITAXE_GAMMA,
  GEKKO_COMPAC_F,
  NERDMINER_V2,
  ANTMINER_L7,
  ANTMINER_L9,
  GOLDSHELL_MINI_DOGE,
  ICERIVER_AL3,
  GPU_MIDRANGE,
  GPU_HIGHEND,
  CPU_GENERIC,
  CPU_SERVER,
];

export function findProfile(id: string): HardwareProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}
