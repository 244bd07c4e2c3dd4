import { REJECT_REASONS, STRATUM_ERROR_FOR } from '../../pool/core/shares/reasons.js';
import type { ShareAnswer } from '../../sim/miners/index.js';
import type { FarmShares } from '../reports/index.js';
import type { FarmSpec } from '../scenario.js';
import type { TruthRow } from './truth-shares.js';

const RATE_LIMITED = 'rate-limited';

/**
 * The pool's reason for a refusal, read back from the Stratum error the miner was sent; the
 * runner's own words for what has no reason ('disconnected': no answer before the connection
 * closed).
 */
export function rejectReasonOf(answer: ShareAnswer): string | undefined {
  switch (answer.kind) {
    case 'accepted':
    case 'withheld':
      return undefined;
    case 'unanswered':
      return 'disconnected';
    case 'rejected': {
      const reason = REJECT_REASONS.find(
        (r) =>
          STRATUM_ERROR_FOR[r].code === answer.code &&
          STRATUM_ERROR_FOR[r].message === answer.message,
      );
      if (reason !== undefined) return reason;
      if (answer.code === 20 && /too many submits/i.test(answer.message)) return RATE_LIMITED;
      return `${answer.code ?? '-'} ${answer.message}`;
    }
  }
}

/** Shares sent per farm, in the scenario's farm order, with refusals by reason (sorted). */
export function farmShares(farms: readonly FarmSpec[], rows: readonly TruthRow[]): FarmShares[] {
  return farms.map((farm) => {
    let submitted = 0;
    let accepted = 0;
    const rejected = new Map<string, number>();
    for (const row of rows) {
      if (row.farm !== farm.id || row.record.answer.kind === 'withheld') continue;
      submitted++;
      const reason = rejectReasonOf(row.record.answer);
      if (reason === undefined) accepted++;
      else rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
    }
    return {
      farm: farm.id,
      behaviour: farm.behaviour,
      behaviourClass: farm.behaviourClass,
      miners: farm.count,
      submitted,
      accepted,
      rejected: Object.fromEntries([...rejected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  });
}
