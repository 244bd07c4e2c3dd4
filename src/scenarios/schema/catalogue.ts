/**
 * What a scenario may name that another module defines: miner hardware profiles and
 * behaviours. The schema takes the lists as a parameter, so the miners module can pass its
 * own registry (`parseScenario(text, file, { catalogue })`) without the schema importing it;
 * the defaults below are the ids the miners module is being written to provide.
 */

/**
 * How a behaviour's shares should be judged, which is how gates select miners:
 * - `honest`: valid shares, sent in good faith; the pool should accept them.
 * - `malicious`: invalid shares or abuse; the pool should reject them (or the miner).
 * - `strategic`: valid shares sent to game the payout (hopping, withholding); the pool
 *   accepts them and PPLNS must keep them from gaining.
 */
export const BEHAVIOUR_CLASSES = ['honest', 'malicious', 'strategic'] as const;
export type BehaviourClass = (typeof BEHAVIOUR_CLASSES)[number];

export interface KnownBehaviour {
  readonly id: string;
  readonly class: BehaviourClass;
}

export interface ScenarioCatalogue {
  readonly knownProfiles: readonly string[];
  readonly knownBehaviours: readonly KnownBehaviour[];
}

export const DEFAULT_PROFILES: readonly string[] = [
  'cpu-desktop',
  'cpu-server',
  'gpu-midrange',
  'gpu-highend',
  'asic-sha256-s19',
  'asic-sha256-s21',
  'asic-scrypt-l7',
  'asic-scrypt-l9',
  'asic-blake3-al3',
];

export const DEFAULT_BEHAVIOURS: readonly KnownBehaviour[] = [
  { id: 'honest', class: 'honest' },
  { id: 'flaky-connection', class: 'honest' },
  { id: 'slow-submit', class: 'honest' },
  { id: 'duplicate-shares', class: 'malicious' },
  { id: 'low-difficulty', class: 'malicious' },
  { id: 'invalid-pow', class: 'malicious' },
  { id: 'stale-shares', class: 'malicious' },
  { id: 'bad-ntime', class: 'malicious' },
  { id: 'malformed-lines', class: 'malicious' },
  { id: 'share-flood', class: 'malicious' },
  { id: 'unauthorized', class: 'malicious' },
  { id: 'pool-hopping', class: 'strategic' },
  { id: 'block-withholding', class: 'strategic' },
];

export const DEFAULT_CATALOGUE: ScenarioCatalogue = {
  knownProfiles: DEFAULT_PROFILES,
  knownBehaviours: DEFAULT_BEHAVIOURS,
};

export function behaviourClassOf(
  catalogue: ScenarioCatalogue,
  behaviour: string,
): BehaviourClass | undefined {
  return catalogue.knownBehaviours.find((b) => b.id === behaviour)?.class;
}
