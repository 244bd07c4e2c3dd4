import { BEHAVIOURS } from './behaviours/catalogue.js';
import type { BehaviourClass } from './behaviours/types.js';
import { PROFILES } from './profiles/catalogue.js';

/**
 * The ids a scenario may name, in the shape the scenario schema takes as its catalogue
 * (`{ knownProfiles, knownBehaviours: [{ id, class }] }`), so scenarios are checked against
 * what this module really provides.
 */
export function minerCatalogue(): {
  readonly knownProfiles: readonly string[];
  readonly knownBehaviours: readonly { readonly id: string; readonly class: BehaviourClass }[];
} {
  return {
    knownProfiles: PROFILES.map((p) => p.id),
    knownBehaviours: BEHAVIOURS.map((b) => ({ id: b.id, class: b.class })),
  };
}
