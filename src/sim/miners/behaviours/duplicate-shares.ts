import type { SubmitFields } from '../../../pool/stratum/codec/index.js';
import type { ShareRecord } from '../truth/records.js';
import type { Behaviour } from './types.js';

/**
 * Spellings of an accepted share that a pool must recognise as the same share: the same
 * line again, and the hex fields in upper case (the same bytes, different text).
 */
const VARIANTS: readonly ((r: ShareRecord) => Partial<SubmitFields>)[] = [
  () => ({}),
  (r) => ({ nonce: r.nonce.toUpperCase() }),
  (r) => ({ extranonce2: r.extranonce2.toUpperCase() }),
  (r) => ({ ntime: r.ntime.toUpperCase(), nonce: r.nonce.toUpperCase() }),
];

/** Resubmits every accepted share once, cycling through the spellings above. */
export const duplicateShares: Behaviour = {
  id: 'duplicate-shares',
  class: 'malicious',
  description: 'submits each accepted share a second time (same text, or upper-case hex)',
  expected: { kind: 'reject', intent: 'duplicate', code: 22 },
  create: () => {
    let n = 0;
    return {
      answered(ctx, record, share) {
        if (record.intent !== 'honest' || record.answer.kind !== 'accepted') return;
        const variant = VARIANTS[n++ % VARIANTS.length]!;
        void ctx.submit(share, 'duplicate', variant(record));
      },
    };
  },
};
