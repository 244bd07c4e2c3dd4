/**
 * JSON that is the same bytes for the same value: object keys sorted by code unit, bigint as
 * decimal strings, non-finite numbers as null, two-space indent, a final newline. Two runs
 * of one seed must give identical summaries, whatever order a runner filled its maps in.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}

function canonicalize(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value instanceof Map) return canonicalize(Object.fromEntries(value));
  if (typeof value === 'object' && value !== null) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = canonicalize(child);
    }
    return sorted;
  }
  return value;
}
