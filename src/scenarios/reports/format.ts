/** How reports write times, rates and table cells: one place, so every report agrees. */

/** 'HH:MM:SS', with '.mmm' when not whole seconds and 'Nd ' when a day or more. */
export function formatClock(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const days = Math.floor(whole / 86_400_000);
  const h = Math.floor(whole / 3_600_000) % 24;
  const m = Math.floor(whole / 60_000) % 60;
  const s = Math.floor(whole / 1000) % 60;
  const rest = whole % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(h)}:${two(m)}:${two(s)}${rest === 0 ? '' : `.${String(rest).padStart(3, '0')}`}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

const PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z'];

/** 12300000000 -> '12.3 GH/s'. */
export function formatHashrate(hashesPerSec: number): string {
  let value = hashesPerSec;
  let prefix = 0;
  while (Math.abs(value) >= 1000 && prefix < PREFIXES.length - 1) {
    value /= 1000;
    prefix++;
  }
  return `${trimNumber(value, 3)} ${PREFIXES[prefix] ?? ''}H/s`;
}

/** 0.98765 -> '98.77%'. */
export function formatPercent(ratio: number): string {
  return `${trimNumber(ratio * 100, 2)}%`;
}

export function formatMs(ms: number): string {
  return `${trimNumber(ms, 3)}ms`;
}

/** At most `digits` decimals, trailing zeros dropped. */
export function trimNumber(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives any backticks inside it. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${cell(text)}${pad}${fence}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}
