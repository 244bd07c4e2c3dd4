/**
 * How the dashboard and the plain progress lines write figures: one place, so both agree.
 * Display only: values arrive as numbers (or decimal text for sats) and leave as short text.
 * Anything not finite prints as NOT_AVAILABLE rather than 'NaN'.
 */

export const NOT_AVAILABLE = 'n/a';

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z'] as const;

/** 12_300_000_000 -> '12.3 GH/s'; three significant digits, trailing zeros dropped. */
export function formatHashrate(hashesPerSec: number): string {
  const scaled = scaleSi(hashesPerSec);
  return scaled === undefined ? NOT_AVAILABLE : `${scaled.text} ${scaled.prefix}H/s`;
}

/** A bare figure with an SI prefix: 2_500_000 -> '2.5M', 0.0125 -> '0.0125'. */
export function formatScaled(value: number): string {
  const scaled = scaleSi(value);
  return scaled === undefined ? NOT_AVAILABLE : `${scaled.text}${scaled.prefix}`;
}

/** A count that must stay short: below 1,000 exact, above it '12.3k', '4.5M'. */
export function formatCompactCount(count: number): string {
  if (Number.isFinite(count) && Math.abs(count) < 1000) return formatCount(count);
  return formatScaled(count);
}

/** Exact with separators when that fits in `width` columns, else compact: for table cells. */
export function formatCountWithin(count: number, width: number): string {
  const exact = formatCount(count);
  return exact.length <= width ? exact : formatCompactCount(count);
}

function scaleSi(value: number): { text: string; prefix: string } | undefined {
  if (!Number.isFinite(value)) return undefined;
  const sign = value < 0 ? '-' : '';
  let magnitude = Math.abs(value);
  let prefix = 0;
  while (magnitude >= 1000 && prefix < SI_PREFIXES.length - 1) {
    magnitude /= 1000;
    prefix++;
  }
  let text = threeSignificant(magnitude);
  // 999.96 rounds to '1000': that is the next prefix's '1'.
  if (Number(text) >= 1000 && prefix < SI_PREFIXES.length - 1) {
    prefix++;
    text = threeSignificant(magnitude / 1000);
  }
  return { text: `${sign}${text}`, prefix: SI_PREFIXES[prefix] ?? '' };
}

function threeSignificant(magnitude: number): string {
  if (magnitude === 0) return '0';
  if (magnitude < 1) return trimZeros(magnitude.toPrecision(3));
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return trimZeros(magnitude.toFixed(decimals));
}

/** '12.50' -> '12.5', '3.00' -> '3'; integers are left alone ('100' stays '100'). */
function trimZeros(text: string): string {
  if (!text.includes('.') || text.includes('e')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * A span of time, to the two largest units, rounded down: '350ms', '45s', '2m05s', '1h02m',
 * '3d04h'. A whole unit drops its zero tail: '1h', '6h'.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_AVAILABLE;
  const whole = Math.max(0, Math.floor(ms));
  if (whole === 0) return '0s';
  if (whole < 1000) return `${whole}ms`;
  const seconds = Math.floor(whole / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return twoUnits(minutes, 'm', seconds % 60, 's');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return twoUnits(hours, 'h', minutes % 60, 'm');
  return twoUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function twoUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  if (small === 0) return `${big}${bigUnit}`;
  return `${big}${bigUnit}${String(small).padStart(2, '0')}${smallUnit}`;
}

/** A latency: '0.42ms', '9.8ms', '120ms', '1.5s'. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return NOT_AVAILABLE;
  if (ms >= 1000) return `${threeSignificant(ms / 1000)}s`;
  return `${threeSignificant(ms)}ms`;
}

/** A point on the scenario clock: '00:02:05', '1d 03:00:00' (rounded down to the second). */
export function formatClockTime(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_AVAILABLE;
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  const days = Math.floor(seconds / 86_400);
  return days > 0 ? `${days}d ${clock}` : clock;
}

/**
 * 0.98765 -> '98.8%'. Never rounds to 100% or 0% a ratio that is not exactly 1 or 0, so a
 * gate like `rejected(malicious) == 1.0` cannot look met when it is not.
 */
export function formatPercent(ratio: number, decimals = 1): string {
  if (!Number.isFinite(ratio)) return NOT_AVAILABLE;
  const scale = 10 ** decimals;
  let units = Math.round(ratio * 100 * scale);
  if (ratio < 1 && units >= 100 * scale) units = Math.floor(ratio * 100 * scale);
  if (ratio > 0 && units <= 0) units = Math.ceil(ratio * 100 * scale);
  return `${trimZeros((units / scale).toFixed(decimals))}%`;
}

/** 1234567 -> '1,234,567' (rounded to a whole number). */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return NOT_AVAILABLE;
  const rounded = Math.round(count);
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupDigits(BigInt(Math.abs(rounded)).toString())}`;
}

/** How much faster than real time: 'x3,600', 'x2.5', 'x1'. */
export function formatSpeedup(speedup: number): string {
  if (!Number.isFinite(speedup) || speedup <= 0) return `x${NOT_AVAILABLE}`;
  if (speedup >= 10) return `x${formatCount(speedup)}`;
  return `x${trimZeros(speedup.toFixed(1))}`;
}

/** Sats as decimal text (or bigint) -> '1,234,567 sats'; text that is not an integer is kept. */
export function formatSats(sats: string | bigint): string {
  const text = typeof sats === 'bigint' ? sats.toString() : sats.trim();
  const match = /^(-?)0*(\d+)$/.exec(text);
  if (match === null) return `${text} sats`;
  const digits = match[2] ?? '0';
  const sign = digits === '0' ? '' : (match[1] ?? '');
  return `${sign}${groupDigits(digits)} ${digits === '1' ? 'sat' : 'sats'}`;
}

/** True for '0', '-0', '000' and 0n: what 'largest error 0 sats' needs. */
export function isZeroSats(sats: string | bigint): boolean {
  return typeof sats === 'bigint' ? sats === 0n : /^-?0+$/.test(sats.trim());
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
