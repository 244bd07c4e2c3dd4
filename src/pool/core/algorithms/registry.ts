import { ChimeraError } from '../../../errors.js';
import type { PowAlgorithm } from './types.js';
import { verifyAlgorithm, type VerifyFailure } from './verify.js';

export type RegistryRejection =
  VerifyFailure | { readonly reason: 'duplicate-id' } | { readonly reason: 'unknown-id' };

export type RegisterResult =
  | { readonly kind: 'registered'; readonly algorithm: PowAlgorithm }
  | { readonly kind: 'rejected'; readonly id: string; readonly rejection: RegistryRejection };

export type ReplaceResult =
  | {
      readonly kind: 'replaced';
      readonly algorithm: PowAlgorithm;
      readonly previous: PowAlgorithm;
    }
  | { readonly kind: 'rejected'; readonly id: string; readonly rejection: RegistryRejection };

/**
 * The proof-of-work algorithms a pool may use, by id. Nothing enters without reproducing
 * its own known answers, so a share is never judged by a hash function that is wrong.
 */
export class AlgorithmRegistry {
  readonly #byId = new Map<string, PowAlgorithm>();

  register(alg: PowAlgorithm): RegisterResult {
    if (this.#byId.has(alg.id)) {
      return { kind: 'rejected', id: alg.id, rejection: { reason: 'duplicate-id' } };
    }
    const verdict = verifyAlgorithm(alg);
    if (verdict.kind === 'failed') {
      return { kind: 'rejected', id: alg.id, rejection: verdict.failure };
    }
    this.#byId.set(alg.id, alg);
    return { kind: 'registered', algorithm: alg };
  }

  /** Swaps in a new implementation of a registered id; on any failure the old one stays. */
  replace(alg: PowAlgorithm): ReplaceResult {
    const previous = this.#byId.get(alg.id);
    if (previous === undefined) {
      return { kind: 'rejected', id: alg.id, rejection: { reason: 'unknown-id' } };
    }
    const verdict = verifyAlgorithm(alg);
    if (verdict.kind === 'failed') {
      return { kind: 'rejected', id: alg.id, rejection: verdict.failure };
    }
    this.#byId.set(alg.id, alg);
    return { kind: 'replaced', algorithm: alg, previous };
  }

  /** True when the id was registered. */
  remove(id: string): boolean {
    return this.#byId.delete(id);
  }

  get(id: string): PowAlgorithm | undefined {
    return this.#byId.get(id);
  }

  /** For configuration already validated against list(): an unknown id here is a bug. */
  require(id: string): PowAlgorithm {
    const alg = this.#byId.get(id);
    if (alg === undefined) {
      throw new ChimeraError('UNKNOWN_ALGORITHM', `no proof-of-work algorithm '${id}'`, {
        id,
        known: [...this.#byId.keys()],
      });
    }
    return alg;
  }

  /** In registration order. */
  list(): readonly PowAlgorithm[] {
    return [...this.#byId.values()];
  }
}
