import { z } from 'zod';
import { DURATION_EXPECTED, DURATION_PATTERN, parseDuration } from '../units/duration.js';
import type { QuantityParse } from '../units/duration.js';
import { HASHRATE_EXPECTED, HASHRATE_PATTERN, parseHashrate } from '../units/hashrate.js';
import { MULTIPLIER_EXPECTED, MULTIPLIER_PATTERN, parseMultiplier } from '../units/multiplier.js';
import { PERCENT_EXPECTED, PERCENT_PATTERN, parsePercentBps } from '../units/percent.js';

/**
 * Field types shared by the scenario schema. Every message starts with "expected": the
 * loader keeps such messages as written and words zod's generic ones itself.
 */

/** Text with a unit, read exactly; the JSON Schema keeps the text's pattern for editors. */
function quantity<T>(pattern: string, expected: string, parse: (text: string) => QuantityParse<T>) {
  const message = `expected ${expected}`;
  return z
    .string({ error: message })
    .regex(new RegExp(pattern), { error: message })
    .transform((text, ctx): T => {
      const parsed = parse(text);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: `expected ${parsed.expected}`, input: text });
      return z.NEVER;
    });
}

/** Whole milliseconds, from '250ms', '90s', '5m', '6h', '2d', '1h30m'. */
export const durationMs = () => quantity(DURATION_PATTERN, DURATION_EXPECTED, parseDuration);

export const positiveDurationMs = () =>
  durationMs().refine((ms) => ms > 0, { error: 'expected a duration greater than 0' });

/** Hashes per second as a bigint, from '400GH', '2PH', '1.5 TH/s'. */
export const hashrate = () => quantity(HASHRATE_PATTERN, HASHRATE_EXPECTED, parseHashrate);

/** Basis points (1% = 100), from '1%', '0.25%'. */
export const percentBps = () => quantity(PERCENT_PATTERN, PERCENT_EXPECTED, parsePercentBps);

/** An exact factor { num, den }, from '2x', '1.5x'. */
export const multiplier = () => quantity(MULTIPLIER_PATTERN, MULTIPLIER_EXPECTED, parseMultiplier);

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const ID_EXPECTED = "lowercase letters, digits and '-' (like 'ltc' or 'asic-farm')";

/** A name other parts of the scenario refer to: a network, a farm. */
export const idText = (what: string) => {
  const message = `expected ${what} id: ${ID_EXPECTED}`;
  return z.string({ error: message }).regex(ID_PATTERN, { error: message });
};

export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const message =
    max === Number.MAX_SAFE_INTEGER
      ? `expected a whole number >= ${min}`
      : `expected a whole number from ${min} to ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const DECIMAL_RE = /^\d+(?:\.\d+)?$/;

/**
 * A share difficulty: a YAML number or decimal text ('0.001'), kept as its decimal text so
 * nothing is rounded on the way to the pool, which reads difficulty exactly.
 */
export const difficultyText = () => {
  const message = "expected a difficulty greater than 0, like 1, 0.001 or '65536'";
  return z.union([z.number(), z.string()], { error: message }).transform((value, ctx): string => {
    const text = typeof value === 'number' ? numberText(value) : value;
    if (text !== undefined && DECIMAL_RE.test(text) && /[1-9]/.test(text)) return text;
    ctx.addIssue({ code: 'custom', message, input: value });
    return z.NEVER;
  });
};

/** A finite non-negative number as plain decimal text (no exponent); undefined otherwise. */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form ('1e-7', '1e+21'): toFixed gives the plain digits for the range YAML uses.
  return value < 1 ? value.toFixed(20).replace(/0+$/, '') : BigInt(value).toString();
}

/** A single-line sentence for `chimera list`. */
export const oneLine = (what: string, maxLength: number) => {
  const message = `expected ${what}: one line of at most ${maxLength} characters`;
  return z
    .string({ error: message })
    .min(1, { error: message })
    .max(maxLength, { error: message })
    .regex(/^[^\r\n]*$/, { error: message });
};
