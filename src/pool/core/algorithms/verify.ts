import { fromHex, isHex, toHex } from '../bytes.js';
import type { PowAlgorithm } from './types.js';

export const HASH_BYTES = 32;
const ID_RE = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/** Why an algorithm may not be used. Vector indexes count from 0. */
export type VerifyFailure =
  | { readonly reason: 'bad-id'; readonly id: string }
  | { readonly reason: 'bad-diff1-target'; readonly diff1Target: bigint }
  | { readonly reason: 'no-vectors' }
  | { readonly reason: 'bad-vector'; readonly vectorIndex: number; readonly source: string }
  | {
      readonly reason: 'wrong-output';
      readonly vectorIndex: number;
      readonly source: string;
      readonly inputHex: string;
      readonly expectedHex: string;
      readonly actualHex: string;
    }
  | {
      readonly reason: 'hash-threw';
      readonly vectorIndex: number;
      readonly source: string;
      readonly message: string;
    }
  /** A result changed after later calls: the hasher hands out a view of reused memory. */
  | { readonly reason: 'unstable-output'; readonly vectorIndex: number; readonly source: string };

export type VerifyResult =
  { readonly kind: 'verified' } | { readonly kind: 'failed'; readonly failure: VerifyFailure };

function failed(failure: VerifyFailure): VerifyResult {
  return { kind: 'failed', failure };
}

/**
 * Runs an algorithm against its own known answers. A hasher that throws is a broken
 * candidate, not a bug of the caller, so that becomes a failure value too.
 */
export function verifyAlgorithm(alg: PowAlgorithm): VerifyResult {
  if (!ID_RE.test(alg.id)) return failed({ reason: 'bad-id', id: alg.id });
  if (alg.diff1Target <= 0n || alg.diff1Target >= 1n << 256n) {
    return failed({ reason: 'bad-diff1-target', diff1Target: alg.diff1Target });
  }
  if (alg.vectors.length === 0) return failed({ reason: 'no-vectors' });
  const outputs: Buffer[] = [];
  for (const [vectorIndex, v] of alg.vectors.entries()) {
    const { source, inputHex } = v;
    const expectedHex = v.outputHex.toLowerCase();
    if (!isHex(inputHex) || !isHex(expectedHex, HASH_BYTES)) {
      return failed({ reason: 'bad-vector', vectorIndex, source });
    }
    let output: Buffer;
    try {
      output = alg.hashHeader(fromHex(inputHex));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return failed({ reason: 'hash-threw', vectorIndex, source, message });
    }
    const actualHex = toHex(output);
    if (actualHex !== expectedHex) {
      return failed({
        reason: 'wrong-output',
        vectorIndex,
        source,
        inputHex,
        expectedHex,
        actualHex,
      });
    }
    outputs.push(output);
  }
  for (const [vectorIndex, output] of outputs.entries()) {
    const v = alg.vectors[vectorIndex]!;
    if (toHex(output) !== v.outputHex.toLowerCase()) {
      return failed({ reason: 'unstable-output', vectorIndex, source: v.source });
    }
  }
  return { kind: 'verified' };
}
