export type {
  ChainSpec,
  EventKind,
  EventSpec,
  FarmSpec,
  NetworkSpec,
  PoolSpec,
  Scenario,
} from './scenario.js';
export { parseScenario, type ParseOptions, type ScenarioParse } from './load/parse-scenario.js';
export { loadScenario } from './load/load-scenario.js';
export { WIRE_MAX_MINERS } from './load/check-scenario.js';
export { formatScenarioError, type ScenarioError } from './load/scenario-error.js';
export { scenarioSchema, type ScenarioDocument } from './schema/scenario-schema.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './schema/json-schema.js';
export {
  BEHAVIOUR_CLASSES,
  DEFAULT_BEHAVIOURS,
  DEFAULT_CATALOGUE,
  DEFAULT_PROFILES,
  behaviourClassOf,
  type BehaviourClass,
  type KnownBehaviour,
  type ScenarioCatalogue,
} from './schema/catalogue.js';
export { FIDELITIES, type Fidelity } from './schema/fidelity.js';
export { EVENT_KINDS } from './schema/event-schema.js';
export { formatDuration, parseDuration } from './units/duration.js';
export { parseHashrate } from './units/hashrate.js';
export { parsePercentBps } from './units/percent.js';
export { parseMultiplier, type Factor } from './units/multiplier.js';
export * from './gates/index.js';
export * from './payouts/index.js';
export * from './reports/index.js';
