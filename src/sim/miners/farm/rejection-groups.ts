/** Rejection lines printed before the rest is summed up in one. */
export const REJECTION_LINES = 8;

/**
 * A standalone number (integer, decimal, exponent, hex): foreign pools put values in their
 * messages ("23 low difficulty share of 6.48e-8"); words with digits (sha256d) stay as they are.
 */
const NUMBER = /(?<![\w.])[-+]?(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[-+]?\d+)?)(?![\w.])/gi;

/** The message with its numbers replaced by `<n>`: one group per kind of rejection. */
export function messageShape(message: string): string {
  return message.replace(NUMBER, '<n>');
}

/** How rejections are keyed in a report: `<code> <message shape>` (`-` without a code). */
export function rejectionKey(code: number | undefined, message: string): string {
  return `${code ?? '-'} ${messageShape(message)}`;
}

/**
 * Rejection counts merged by key shape (keys from older reports may still hold numbers),
 * largest first (ties by key, so a report reads the same every time), the first `limit` as
 * they are and the rest summed up.
 */
export function rejectionGroups(
  rejected: Readonly<Record<string, number>>,
  limit = REJECTION_LINES,
): { readonly top: readonly (readonly [string, number])[]; readonly rest: RejectionRest } {
  const merged = new Map<string, number>();
  for (const [key, n] of Object.entries(rejected)) {
    const space = key.indexOf(' ');
    const shaped = space < 0 ? key : `${key.slice(0, space)} ${messageShape(key.slice(space + 1))}`;
    merged.set(shaped, (merged.get(shaped) ?? 0) + n);
  }
  const sorted = [...merged].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const rest = sorted.slice(limit);
  return {
    top: sorted.slice(0, limit),
    rest: { groups: rest.length, shares: rest.reduce((n, [, v]) => n + v, 0) },
  };
}

export interface RejectionRest {
  readonly groups: number;
  readonly shares: number;
}
