import { decimalTimes } from './decimal.js';
import type { QuantityParse } from './duration.js';

/** SI prefixes (powers of 1000, as miners and pools quote hashrate). */
const PREFIX: Readonly<Record<string, bigint>> = {
  '': 1n,
  k: 10n ** 3n,
  K: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  E: 10n ** 18n,
};

/** '400GH', '2PH', '1.5 TH/s', '950kH/s', '0H'. */
export const HASHRATE_PATTERN = '^\\d+(?:\\.\\d+)? ?[kKMGTPE]?H(?:/s)?$';
const HASHRATE_RE = /^(\d+(?:\.\d+)?) ?([kKMGTPE]?)H(?:\/s)?$/;

export const HASHRATE_EXPECTED = "a hashrate like '950kH', '400GH', '2PH' or '1.5 TH/s'";

/** Hashrate text to whole hashes per second, exactly. */
export function parseHashrate(text: string): QuantityParse<bigint> {
  const m = HASHRATE_RE.exec(text);
  if (m === null) return { ok: false, expected: HASHRATE_EXPECTED };
  const [, amount = '', prefix = ''] = m;
  const hashesPerSec = decimalTimes(amount, PREFIX[prefix] ?? 1n);
  if (hashesPerSec === undefined) {
    return { ok: false, expected: 'a whole number of hashes per second' };
  }
  return { ok: true, value: hashesPerSec };
}
