/**
 * The decimal numbers scenario quantities are written in ('1.5', '400', '0.25'), read exactly
 * as a scaled integer so '0.1s' is 100 ms and '1.5TH' is 1.5e12 H with no float in between.
 */
const DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;

/** `text` times 10^`scale`, when that is a whole number; undefined when it is not or malformed. */
export function scaledDecimal(text: string, scale: number): bigint | undefined {
  const m = DECIMAL_RE.exec(text);
  if (m === null) return undefined;
  const [, intDigits = '', fracDigits = ''] = m;
  const trimmed = fracDigits.replace(/0+$/, '');
  if (trimmed.length > scale) return undefined;
  return BigInt(intDigits + trimmed.padEnd(scale, '0'));
}

/** `text` (a plain decimal) times `factor`, when that is a whole number. */
export function decimalTimes(text: string, factor: bigint): bigint | undefined {
  const m = DECIMAL_RE.exec(text);
  if (m === null) return undefined;
  const [, intDigits = '', fracDigits = ''] = m;
  const scale = 10n ** BigInt(fracDigits.length);
  const product = BigInt(intDigits + fracDigits) * factor;
  return product % scale === 0n ? product / scale : undefined;
}
