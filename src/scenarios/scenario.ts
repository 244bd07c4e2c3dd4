import type { Gate } from './gates/gate-ast.js';
import type { ScenarioDocument } from './schema/scenario-schema.js';

/**
 * A scenario that passed every check: units in ms, H/s, bps and exact factors; farm ids and
 * worker prefixes filled in; gates parsed. Frozen: parsed once and passed down.
 */
export type Scenario = DeepReadonly<Omit<ScenarioDocument, 'gates'>> & {
  /** The file it was read from, as given to the loader. */
  readonly file: string;
  readonly gates: readonly Gate[];
};

/** What deepFreeze guarantees at run time, said in the type. */
export type DeepReadonly<T> = T extends bigint | number | string | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : { readonly [K in keyof T]: DeepReadonly<T[K]> };

export type NetworkSpec = Scenario['networks'][number];
export type ChainSpec = NetworkSpec['chain'];
export type PoolSpec = Scenario['pool'];
export type FarmSpec = Scenario['farms'][number];
export type EventSpec = Scenario['events'][number];
export type EventKind = EventSpec['kind'];
