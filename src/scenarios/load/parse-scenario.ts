import type { Scenario } from '../scenario.js';
import { DEFAULT_CATALOGUE, type ScenarioCatalogue } from '../schema/catalogue.js';
import { scenarioSchema } from '../schema/scenario-schema.js';
import { gateProblemsOfRaw } from './check-gates.js';
import { checkScenario } from './check-scenario.js';
import { compareErrors, formatPath, type Problem, type ScenarioError } from './scenario-error.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { problemsFromIssues } from './zod-issues.js';

export type ScenarioParse =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

export interface ParseOptions {
  /** Profiles and behaviours farms may name. Default: DEFAULT_CATALOGUE. */
  readonly catalogue?: ScenarioCatalogue;
}

/**
 * Reads a scenario from its YAML text. Either every check passes and the scenario comes back
 * frozen, or every problem found comes back located (file, line, column, path); a caller
 * never gets a half-valid scenario to run.
 */
export function parseScenario(
  text: string,
  file: string,
  options: ParseOptions = {},
): ScenarioParse {
  const yaml = parseYamlSource(text);
  if (!yaml.ok) {
    return { ok: false, errors: yaml.errors.map((e) => ({ file, path: '', ...e })) };
  }
  const parsed = scenarioSchema(options.catalogue ?? DEFAULT_CATALOGUE).safeParse(
    yaml.source.value,
  );
  if (!parsed.success) {
    const raw = yaml.source.value;
    return failure(file, yaml.source, [
      ...problemsFromIssues(parsed.error.issues, raw),
      ...gateProblemsOfRaw(raw),
    ]);
  }
  const { gates, problems } = checkScenario(parsed.data);
  if (problems.length > 0) return failure(file, yaml.source, problems);
  return { ok: true, scenario: deepFreeze({ ...parsed.data, file, gates }) };
}

function failure(file: string, source: YamlSource, problems: readonly Problem[]): ScenarioParse {
  const errors = problems.map((problem): ScenarioError => {
    const path = problem.key === undefined ? problem.path : [...problem.path, problem.key];
    return {
      file,
      ...source.locate(problem.path, problem.key, problem.offset),
      path: formatPath(path),
      message: problem.message,
    };
  });
  return { ok: false, errors: errors.sort(compareErrors) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
