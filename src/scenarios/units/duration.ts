import { decimalTimes } from './decimal.js';

/** Milliseconds per unit of a scenario duration. */
const MS_PER_UNIT: Readonly<Record<string, bigint>> = {
  ms: 1n,
  s: 1_000n,
  m: 60_000n,
  h: 3_600_000n,
  d: 86_400_000n,
};

/** One or more `<number><unit>` parts: '90s', '6h', '1h30m', '1.5s', '250ms'. */
export const DURATION_PATTERN = '^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+$';
const PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

export type QuantityParse<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly expected: string };

export const DURATION_EXPECTED = "a duration like '250ms', '90s', '5m', '6h', '2d' or '1h30m'";

/** Duration text to whole milliseconds; fractions of a millisecond are refused, not rounded. */
export function parseDuration(text: string): QuantityParse<number> {
  if (!new RegExp(DURATION_PATTERN).test(text)) return { ok: false, expected: DURATION_EXPECTED };
  let totalMs = 0n;
  for (const [, amount = '', unit = ''] of text.matchAll(PART_RE)) {
    const ms = decimalTimes(amount, MS_PER_UNIT[unit] ?? 0n);
    if (ms === undefined) {
      return { ok: false, expected: 'a whole number of milliseconds' };
    }
    totalMs += ms;
  }
  if (totalMs > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, expected: 'a duration of at most 2^53 - 1 ms' };
  }
  return { ok: true, value: Number(totalMs) };
}

const UNITS_DESCENDING: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Whole milliseconds back to scenario text: 5_400_000 -> '1h30m', 0 -> '0s'. */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms);
  let text = '';
  for (const [unit, size] of UNITS_DESCENDING) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text === '' ? '0s' : text;
}
