import { scaledDecimal } from './decimal.js';
import type { QuantityParse } from './duration.js';

/** '1%', '0.25%', '100%': a share of something in basis points (1% = 100 bps). */
export const PERCENT_PATTERN = '^\\d+(?:\\.\\d+)?%$';
const PERCENT_RE = /^(\d+(?:\.\d+)?)%$/;

export const PERCENT_EXPECTED = "a percentage like '1%', '0.25%' or '100%'";

/** Percent text to whole basis points in 0..10000; finer than 0.01% is refused. */
export function parsePercentBps(text: string): QuantityParse<number> {
  const m = PERCENT_RE.exec(text);
  if (m === null) return { ok: false, expected: PERCENT_EXPECTED };
  const bps = scaledDecimal(m[1] ?? '', 2);
  if (bps === undefined) return { ok: false, expected: 'a percentage in steps of 0.01%' };
  if (bps > 10_000n) return { ok: false, expected: 'a percentage of at most 100%' };
  return { ok: true, value: Number(bps) };
}
