/**
 * Exact conversion between amounts in the smallest unit (bigint sats) and the decimal coin
 * amounts daemons speak in JSON (`1.23456789`). Pure string and bigint arithmetic: a float
 * never holds money, not even for a moment.
 */

/** Bitcoin-family coins count 8 decimals (1 coin = 100,000,000 sats). */
export const COIN_DECIMALS = 8;

/** `123456789n` -> `"1.23456789"`: always `decimals` digits after the point, as bitcoind writes. */
export function satsToCoinText(sats: bigint, decimals: number = COIN_DECIMALS): string {
  checkDecimals(decimals);
  const negative = sats < 0n;
  const abs = negative ? -sats : sats;
  const unit = 10n ** BigInt(decimals);
  const whole = (abs / unit).toString();
  const sign = negative ? '-' : '';
  if (decimals === 0) return `${sign}${whole}`;
  const frac = (abs % unit).toString().padStart(decimals, '0');
  return `${sign}${whole}.${frac}`;
}

const JSON_NUMBER = /^(-)?(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
/** Far beyond any real amount; bounds the work a hostile exponent could ask for. */
const MAX_EXPONENT = 400;

/**
 * A JSON number literal in coins -> sats. Undefined when the text is not a JSON number or
 * is not a whole number of sats (more precision than `decimals`), never rounded.
 */
export function coinTextToSats(text: string, decimals: number = COIN_DECIMALS): bigint | undefined {
  checkDecimals(decimals);
  const m = JSON_NUMBER.exec(text);
  if (!m) return undefined;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  const exponent = expPart === undefined ? 0 : Number(expPart);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined;
  const digits = BigInt(intPart + fracPart);
  const shift = exponent - fracPart.length + decimals;
  let sats: bigint;
  if (shift >= 0) {
    sats = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (digits % divisor !== 0n) return undefined;
    sats = digits / divisor;
  }
  return sign === '-' ? -sats : sats;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 18) {
    throw new RangeError(`decimals must be an integer in 0..18, got ${decimals}`);
  }
}
