import type { z } from 'zod';
import { knownKeysOf } from '../schema/closed-object.js';
import { didYouMean } from '../suggest.js';
import type { Problem } from './scenario-error.js';

type Issue = z.core.$ZodIssue;

/**
 * zod's issues as problems a person can act on: one per unknown key, the branch of a union
 * the value was evidently meant for, and every message saying what was expected and what
 * was found.
 */
export function problemsFromIssues(issues: readonly Issue[], input: unknown): Problem[] {
  return issues.flatMap((issue) => fromIssue(issue, [], input));
}

function fromIssue(issue: Issue, base: readonly PropertyKey[], input: unknown): Problem[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysOf(issue.message);
    const expected = known.length > 0 ? `; expected one of: ${known.join(', ')}` : '';
    return issue.keys.map((key) => ({
      path,
      key,
      message: `unknown key '${key}'${didYouMean(key, known) || expected}`,
    }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = intendedBranch(issue.errors);
    if (branch !== undefined) return branch.flatMap((inner) => fromIssue(inner, path, input));
  }
  return [{ path, message: describe(issue, path, input) }];
}

/**
 * The union member the value was written for: the one whose complaints start deepest (a
 * `{ sim: { coin: 3 } }` fails inside `sim` for the sim member but at the top for the
 * others). When no member stands out, the union's own message is clearer.
 */
function intendedBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const depths = branches.map((issues) => Math.min(...issues.map((i) => i.path.length)));
  const deepest = Math.max(...depths);
  if (deepest === 0 || depths.filter((d) => d === deepest).length !== 1) return undefined;
  return branches[depths.indexOf(deepest)];
}

function describe(issue: Issue, path: readonly PropertyKey[], input: unknown): string {
  const expected = issue.message.startsWith('expected') ? issue.message : wording(issue);
  const value = valueAt(input, path);
  if (value.found === false) {
    const key = path[path.length - 1];
    return typeof key === 'string' ? `missing key '${key}': ${expected}` : expected;
  }
  // "got a mapping" only helps where a plain value was wanted.
  if (typeof value.value === 'object' && value.value !== null && issue.code !== 'invalid_type') {
    return expected;
  }
  return `${expected}, got ${show(value.value)}`;
}

/** zod's own wording, rephrased as "expected ..." for issues no schema message covers. */
function wording(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected ${issue.origin} ${issue.inclusive === false ? '>' : '>='} ${issue.minimum}`;
    case 'too_big':
      return `expected ${issue.origin} ${issue.inclusive === false ? '<' : '<='} ${issue.maximum}`;
    default:
      return `expected something else (${issue.message})`;
  }
}

function valueAt(
  input: unknown,
  path: readonly PropertyKey[],
): { found: true; value: unknown } | { found: false } {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
      return { found: false };
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value };
}

function show(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return typeof value;
}
