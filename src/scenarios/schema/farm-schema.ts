import { z } from 'zod';
import { behaviourClassOf, type ScenarioCatalogue } from './catalogue.js';
import { closedObject } from './closed-object.js';
import { durationMs, idText, percentBps, positiveDurationMs, wholeNumber } from './fields.js';

export const ADDRESS_MODES = ['per-miner', 'per-farm', 'invalid'] as const;

function knownId(what: string, ids: readonly string[]) {
  const message = `expected a known ${what}, one of: ${ids.join(', ')}`;
  return z
    .string({ error: message })
    .refine((id) => ids.includes(id), { error: message })
    .meta({ description: `A ${what} id (default list: ${ids.join(', ')}).` });
}

/**
 * A group of virtual miners alike in hardware and behaviour. `profile` names one hardware
 * profile; `mix` splits the farm over several (shares summing to 100%), never both.
 */
export function farmSchema(catalogue: ScenarioCatalogue) {
  const profile = knownId('hardware profile', catalogue.knownProfiles);
  const behaviourIds = catalogue.knownBehaviours.map((b) => b.id);
  return closedObject({
    id: idText('a farm').optional().meta({ description: 'Default: the profile id.' }),
    profile: profile.optional(),
    mix: z
      .array(closedObject({ profile, share: percentBps() }), {
        error: 'expected a list of { profile, share }',
      })
      .min(1, { error: 'expected at least one { profile, share }' })
      .optional(),
    count: wholeNumber(1).meta({ description: 'Number of miners.' }),
    behaviour: knownId('behaviour', behaviourIds).prefault('honest'),
    join: durationMs().prefault('0s').meta({ description: 'When the miners connect.' }),
    leave: positiveDurationMs().optional().meta({ description: 'When they disconnect.' }),
    workerPrefix: z
      .string({ error: "expected 1 to 32 of A-Z, a-z, 0-9, '_' and '-'" })
      .regex(/^[A-Za-z0-9_-]{1,32}$/, {
        error: "expected 1 to 32 of A-Z, a-z, 0-9, '_' and '-'",
      })
      .optional()
      .meta({ description: 'Worker names are <prefix>-<n>. Default: the farm id.' }),
    address: z
      .enum(ADDRESS_MODES, { error: `expected one of: ${ADDRESS_MODES.join(', ')}` })
      .prefault('per-miner')
      .meta({
        description:
          'per-miner: each miner its own payout address; per-farm: one address, many workers; invalid: logins the pool must refuse.',
      }),
  })
    .superRefine((farm, ctx) => {
      if ((farm.profile === undefined) === (farm.mix === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: farm.profile === undefined ? [] : ['mix'],
          message: 'expected exactly one of: profile, mix',
        });
      }
      const total = (farm.mix ?? []).reduce((sum, m) => sum + m.share, 0);
      if (farm.mix !== undefined && total !== 10_000) {
        ctx.addIssue({
          code: 'custom',
          path: ['mix'],
          message: `expected shares that sum to 100% (they sum to ${total / 100}%)`,
        });
      }
      if (farm.leave !== undefined && farm.leave <= farm.join) {
        ctx.addIssue({ code: 'custom', path: ['leave'], message: 'expected a time after join' });
      }
    })
    .transform((farm) => ({
      id: farm.id,
      profiles: farm.mix?.map((m) => ({ profile: m.profile, shareBps: m.share })) ?? [
        { profile: farm.profile ?? '', shareBps: 10_000 },
      ],
      count: farm.count,
      behaviour: farm.behaviour,
      behaviourClass: behaviourClassOf(catalogue, farm.behaviour) ?? 'honest',
      joinAtMs: farm.join,
      leaveAtMs: farm.leave,
      workerPrefix: farm.workerPrefix,
      addressMode: farm.address,
    }));
}

export type FarmDoc = z.output<ReturnType<typeof farmSchema>>;
