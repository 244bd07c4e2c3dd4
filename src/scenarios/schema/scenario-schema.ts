import { z } from 'zod';
import { DEFAULT_CATALOGUE, type ScenarioCatalogue } from './catalogue.js';
import { closedObject } from './closed-object.js';
import { eventSchema } from './event-schema.js';
import { farmSchema } from './farm-schema.js';
import { idText, oneLine, positiveDurationMs, wholeNumber } from './fields.js';
import { FIDELITIES } from './fidelity.js';
import { networkSchema } from './network-schema.js';
import { poolSchema } from './pool-schema.js';

/**
 * The shape of a scenario file. Cross-references (a farm an event names, the network the
 * pool starts on) and gates are checked after this, by the loader, which knows the whole
 * document; this schema checks each value where it stands.
 */
export function scenarioSchema(catalogue: ScenarioCatalogue = DEFAULT_CATALOGUE) {
  return closedObject({
    name: idText('a scenario').meta({ description: 'Names the run and its reports.' }),
    description: oneLine('a description', 120).meta({
      description: 'One line, shown by `chimera list`.',
    }),
    seed: wholeNumber(0).meta({ description: 'Every draw of the run comes from this seed.' }),
    fidelity: z.enum(FIDELITIES, { error: `expected one of: ${FIDELITIES.join(', ')}` }).meta({
      description:
        'wire: real TCP, wall clock. protocol: in-memory streams, virtual clock. economics: sampled shares, no proof of work.',
    }),
    duration: positiveDurationMs().meta({ description: 'How long the run lasts (scenario time).' }),
    networks: z
      .array(networkSchema, { error: 'expected a list of networks' })
      .min(1, { error: 'expected at least one network' }),
    pool: poolSchema,
    farms: z
      .array(farmSchema(catalogue), { error: 'expected a list of farms' })
      .min(1, { error: 'expected at least one farm' })
      .transform((farms) =>
        farms.map((farm, index) => {
          const id = farm.id ?? defaultFarmId(farm.profiles, index);
          return { ...farm, id, workerPrefix: farm.workerPrefix ?? id };
        }),
      ),
    events: z.array(eventSchema, { error: 'expected a list of events' }).prefault([]),
    gates: z
      .array(z.string({ error: 'expected a gate like acceptance(honest) >= 0.98' }), {
        error: 'expected a list of gates',
      })
      .prefault([])
      .meta({
        description:
          'Expressions over run metrics, e.g. acceptance(honest) >= 0.98, submit_latency.p99 < 25ms.',
      }),
  }).transform(({ duration, ...rest }) => ({ ...rest, durationMs: duration }));
}

function defaultFarmId(profiles: readonly { readonly profile: string }[], index: number): string {
  const only = profiles.length === 1 ? profiles[0]?.profile : undefined;
  return only ?? `farm-${index + 1}`;
}

/** A scenario file after the schema, before cross-checks; gates are still text. */
export type ScenarioDocument = z.output<ReturnType<typeof scenarioSchema>>;
