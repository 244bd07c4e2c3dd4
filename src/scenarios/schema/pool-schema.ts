import { z } from 'zod';
import { closedObject } from './closed-object.js';
import {
  difficultyText,
  idText,
  multiplier,
  percentBps,
  positiveDurationMs,
  wholeNumber,
} from './fields.js';

const payoutSchema = closedObject({
  scheme: z.literal('pplns', { error: "expected 'pplns'" }).prefault('pplns'),
  window: multiplier()
    .prefault('2x')
    .meta({ description: "PPLNS window as a multiple of the network's expected work per block." }),
  fee: percentBps().prefault('1%').meta({ description: 'Pool fee, rounded down per block.' }),
}).transform((p) => ({ scheme: p.scheme, windowFactor: p.window, feeBps: p.fee }));

const vardiffSchema = closedObject({
  targetTime: positiveDurationMs()
    .prefault('10s')
    .meta({ description: 'Share interval vardiff steers each miner towards.' }),
  retargetInterval: positiveDurationMs()
    .prefault('90s')
    .meta({ description: 'How long a window of shares is watched before it is judged.' }),
  variance: percentBps()
    .prefault('30%')
    .refine((bps) => bps > 0 && bps < 10_000, {
      error: 'expected a percentage above 0% and below 100%',
    })
    .meta({ description: 'Band around targetTime inside which difficulty does not change.' }),
}).transform((v) => ({
  targetTimeMs: v.targetTime,
  retargetIntervalMs: v.retargetInterval,
  varianceBps: v.variance,
}));

const difficultySchema = closedObject({
  start: difficultyText()
    .prefault('1')
    .meta({ description: 'Difficulty a new session starts at.' }),
  min: difficultyText().prefault('0.001'),
  max: difficultyText().prefault('1000000000'),
});

const stratumSchema = closedObject({
  host: z.string({ error: 'expected a host name or address' }).prefault('127.0.0.1'),
  ports: z
    .array(wholeNumber(0, 65_535), { error: 'expected a list of ports' })
    .min(1, { error: 'expected at least one port' })
    .prefault([0])
    .meta({ description: 'Stratum ports; 0 picks a free port (wire runs).' }),
});

export const poolSchema = closedObject({
  network: idText('a network').meta({ description: 'The network the pool mines first.' }),
  payout: payoutSchema.prefault({}),
  vardiff: vardiffSchema.prefault({}),
  difficulty: difficultySchema.prefault({}),
  stratum: stratumSchema.prefault({}),
});

export type PoolSpec = z.output<typeof poolSchema>;
