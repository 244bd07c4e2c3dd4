import { BEHAVIOURS } from '../behaviours/catalogue.js';
import type { ExpectedResponse } from '../behaviours/types.js';
import { PROFILES } from '../profiles/catalogue.js';
import { si } from './format-report.js';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function expectedText(e: ExpectedResponse): string {
  switch (e.kind) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return `refused with ${e.code}`;
    case 'accept-unless-stale':
      return `accepted; refused with ${e.code} once a new tip replaced the job`;
    case 'rate-limit':
      return `excess refused with ${e.code}, miner kept`;
    case 'error-then-disconnect':
      return `error ${e.code}, then disconnect${e.ban ? ' and ban' : ''}`;
    case 'disconnect':
      return `disconnected${e.ban ? ' and banned' : ''}`;
    case 'serve-every-connection':
      return 'every connection served';
    case 'bounded-difficulty-changes':
      return 'suggestions clamped and rate-limited';
    case 'accept-visible-in-truth':
      return `accepted; shows in ground truth (${e.signal.kind})`;
  }
}

/** `chimera farm --list-profiles`: hardware profiles, then behaviours with their expected response. */
export function formatCatalogue(): string {
  const profiles = table(
    ['profile', 'kind', 'hashrate', 'user agent', 'protocol'],
    PROFILES.map((p) => [
      p.id,
      p.kind,
      Object.entries(p.hashrate)
        .map(([alg, r]) => `${alg} ${si(r.hashesPerSec)}H/s`)
        .join(', '),
      p.userAgent,
      [
        p.protocol.versionRolling ? 'version-rolling' : '',
        p.protocol.extranonceSubscribe ? 'extranonce-subscribe' : '',
        p.protocol.suggestDifficulty !== undefined ? 'suggest-difficulty' : '',
        p.quirks.difficultyTiming === 'next-notify' ? 'diff-at-next-notify' : '',
        p.quirks.requestIds === 'cpuminer' ? 'submit-id-4' : '',
        p.quirks.minimumDifficulty !== undefined ? `min-diff-${p.quirks.minimumDifficulty}` : '',
      ]
        .filter((f) => f !== '')
        .join(' '),
    ]),
  );
  const behaviours = table(
    ['behaviour', 'class', 'a correct pool', 'what it does'],
    BEHAVIOURS.map((b) => [b.id, b.class, expectedText(b.expected), b.description]),
  );
  return [...profiles, '', ...behaviours].join('\n') + '\n';
}
