import { z } from 'zod';
import { closedObject } from './closed-object.js';
import {
  durationMs,
  idText,
  multiplier,
  percentBps,
  positiveDurationMs,
  wholeNumber,
} from './fields.js';

/**
 * The timeline: what happens to the world at a time since the start. Each kind of event is
 * a mapping with `at` and `do: <kind>`; the parsed event carries `kind` and times in ms.
 */

const at = () => durationMs().meta({ description: 'Time since the start of the run.' });
const network = () => idText('a network').meta({ description: 'The network it happens to.' });
const farm = () => idText('a farm');
const forMs = () => positiveDurationMs().meta({ description: 'How long it lasts.' });

const switchNetwork = closedObject({
  at: at(),
  do: z.literal('switch-network'),
  to: network(),
  canary: percentBps()
    .prefault('100%')
    .meta({ description: 'Share of miners moved first; the rest follow unless rolled back.' }),
  rollback: closedObject({
    acceptanceBelow: percentBps().meta({
      description: "Roll back if the canary's share acceptance falls below this...",
    }),
    within: positiveDurationMs().meta({ description: '...within this long after the switch.' }),
  })
    .optional()
    .transform((r) =>
      r === undefined ? undefined : { acceptanceBelowBps: r.acceptanceBelow, withinMs: r.within },
    ),
}).transform((e) => ({
  kind: e.do,
  atMs: e.at,
  to: e.to,
  canaryBps: e.canary,
  rollback: e.rollback,
}));

const nodeOutage = closedObject({
  at: at(),
  do: z.literal('node-outage'),
  network: network(),
  for: forMs(),
}).transform((e) => ({ kind: e.do, atMs: e.at, network: e.network, forMs: e.for }));

const slowRpc = closedObject({
  at: at(),
  do: z.literal('slow-rpc'),
  network: network(),
  delay: positiveDurationMs().meta({ description: 'Added to every RPC answer.' }),
  for: forMs(),
}).transform((e) => ({
  kind: e.do,
  atMs: e.at,
  network: e.network,
  delayMs: e.delay,
  forMs: e.for,
}));

const reorg = closedObject({
  at: at(),
  do: z.literal('reorg'),
  network: network(),
  depth: wholeNumber(1, 100).meta({ description: 'Blocks replaced by a heavier branch.' }),
}).transform((e) => ({ kind: e.do, atMs: e.at, network: e.network, depth: e.depth }));

const hashrateSurge = closedObject({
  at: at(),
  do: z.literal('hashrate-surge'),
  network: network(),
  factor: multiplier().meta({ description: "Multiplies the network's external hashrate." }),
  for: forMs(),
}).transform((e) => ({
  kind: e.do,
  atMs: e.at,
  network: e.network,
  factor: e.factor,
  forMs: e.for,
}));

const farmMove = <K extends 'farm-join' | 'farm-leave'>(kind: K) =>
  closedObject({
    at: at(),
    do: z.literal(kind),
    farm: farm(),
    count: wholeNumber(1).optional().meta({ description: 'Miners that move. Default: all.' }),
  }).transform((e) => ({ kind: e.do, atMs: e.at, farm: e.farm, count: e.count }));

const netLatency = closedObject({
  at: at(),
  do: z.literal('net-latency'),
  farm: farm().optional().meta({ description: 'Whose connections. Default: every farm.' }),
  latency: positiveDurationMs(),
  jitter: durationMs().prefault('0ms'),
  for: forMs(),
}).transform((e) => ({
  kind: e.do,
  atMs: e.at,
  farm: e.farm,
  latencyMs: e.latency,
  jitterMs: e.jitter,
  forMs: e.for,
}));

const packetFault = closedObject({
  at: at(),
  do: z.literal('packet-fault'),
  farm: farm().optional().meta({ description: 'Whose connections. Default: every farm.' }),
  drop: percentBps().prefault('0%'),
  duplicate: percentBps().prefault('0%'),
  corrupt: percentBps().prefault('0%'),
  reset: percentBps().prefault('0%').meta({ description: 'Connections reset per second.' }),
  for: forMs(),
})
  .refine((e) => e.drop + e.duplicate + e.corrupt + e.reset > 0, {
    error: 'expected at least one of drop, duplicate, corrupt, reset above 0%',
  })
  .transform((e) => ({
    kind: e.do,
    atMs: e.at,
    farm: e.farm,
    dropBps: e.drop,
    duplicateBps: e.duplicate,
    corruptBps: e.corrupt,
    resetBps: e.reset,
    forMs: e.for,
  }));

const EVENT_OPTIONS = [
  switchNetwork,
  nodeOutage,
  slowRpc,
  reorg,
  hashrateSurge,
  farmMove('farm-join'),
  farmMove('farm-leave'),
  netLatency,
  packetFault,
] as const;

export const EVENT_KINDS = [
  'switch-network',
  'node-outage',
  'slow-rpc',
  'reorg',
  'hashrate-surge',
  'farm-join',
  'farm-leave',
  'net-latency',
  'packet-fault',
] as const;

export const eventSchema = z.discriminatedUnion('do', EVENT_OPTIONS, {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `expected 'do' to be one of: ${EVENT_KINDS.join(', ')}`
      : `expected an event mapping with 'at' and 'do'`,
});

export type EventSpec = z.output<typeof eventSchema>;
export type EventKind = EventSpec['kind'];
