import { z } from 'zod';
import { ChimeraError } from '../../../errors.js';
import { findBehaviour } from '../behaviours/catalogue.js';
import { findProfile } from '../profiles/catalogue.js';

/**
 * A farm: groups of miners alike in hardware and behaviour, mining one algorithm for one
 * payout address. `hashrateScale` shrinks every unit's hashrate (and the difficulties its
 * firmware names) so real proof of work stays affordable: real grinding must do as many
 * hashes per second as the farm's nominal rate, and one core does about 640k sha256d or
 * 4.3k scrypt hashes a second (see farm/capacity.ts).
 */
export const farmSpecSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  seed: z.union([z.string(), z.number()]),
  algorithm: z.string().min(1),
  /** Logins are `<address>.<miner id>`. */
  address: z.string().min(1),
  password: z.string().default('x'),
  groups: z
    .array(
      z.strictObject({
        profile: z.string(),
        count: z.number().int().positive(),
        behaviour: z.string().default('honest'),
        /** Overrides the farm's scale for this group (tests mixing very different devices). */
        hashrateScale: z.number().positive().max(1).optional(),
      }),
    )
    .min(1),
  hashrateScale: z.number().positive().max(1).default(1),
});

export type FarmSpecInput = z.input<typeof farmSpecSchema>;
export type FarmSpec = z.output<typeof farmSpecSchema>;

/** Parses and checks names against the catalogues; throws FARM_SPEC_INVALID naming each fault. */
export function farmSpec(input: FarmSpecInput): FarmSpec {
  const parsed = farmSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ChimeraError('FARM_SPEC_INVALID', issues.join('; '), { issues });
  }
  const spec = parsed.data;
  const problems: string[] = [];
  spec.groups.forEach((g, i) => {
    const profile = findProfile(g.profile);
    if (profile === undefined) problems.push(`groups.${i}.profile: unknown profile '${g.profile}'`);
    else if (profile.hashrate[spec.algorithm] === undefined) {
      problems.push(`groups.${i}.profile: '${g.profile}' does not mine ${spec.algorithm}`);
    }
    if (findBehaviour(g.behaviour) === undefined) {
      problems.push(`groups.${i}.behaviour: unknown behaviour '${g.behaviour}'`);
    }
  });
  if (problems.length > 0) {
    throw new ChimeraError('FARM_SPEC_INVALID', problems.join('; '), { issues: problems });
  }
  return spec;
}
