import {
  findBehaviour,
  findProfile,
  type Behaviour,
  type HardwareProfile,
} from '../../sim/miners/index.js';

/**
 * The scenario language names hardware and behaviours by the ids of its own catalogue
 * (src/scenarios/schema/catalogue.ts); the virtual miners (src/sim/miners) have their own.
 * A scenario id maps to the miners' id that models the same thing; ids of the miners'
 * catalogue are taken as they are. Ids with no model yet are refused before a run starts,
 * never silently swapped for something else.
 */
const PROFILE_IDS: Readonly<Record<string, string>> = {
  'cpu-desktop': 'cpu-generic',
  'cpu-server': 'cpu-server',
  'gpu-midrange': 'gpu-midrange',
  'gpu-highend': 'gpu-highend',
  'asic-sha256-s19': 'antminer-s19',
  'asic-sha256-s21': 'antminer-s21',
  'asic-scrypt-l7': 'antminer-l7',
  'asic-scrypt-l9': 'antminer-l9',
  'asic-blake3-al3': 'iceriver-al3',
};

const BEHAVIOUR_IDS: Readonly<Record<string, string>> = {
  honest: 'honest',
  'flaky-connection': 'connection-churn',
  'slow-submit': 'slow-submit',
  'duplicate-shares': 'duplicate-shares',
  'low-difficulty': 'low-difficulty',
  'invalid-pow': 'garbage-proof',
  'stale-shares': 'stale-shares',
  'bad-ntime': 'ntime-out-of-range',
  'malformed-lines': 'malformed-json',
  'share-flood': 'submit-flood',
  unauthorized: 'unauthorized-worker',
  'pool-hopping': 'pool-hopping',
  'block-withholding': 'block-withholding',
};

export function minerProfile(scenarioId: string): HardwareProfile | undefined {
  return findProfile(PROFILE_IDS[scenarioId] ?? scenarioId);
}

export function minerBehaviour(scenarioId: string): Behaviour | undefined {
  return findBehaviour(BEHAVIOUR_IDS[scenarioId] ?? scenarioId);
}
