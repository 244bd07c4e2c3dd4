import { meetsTarget, shareTargetOf, targetBytesLE } from '../work/targets.js';

export interface ByteTarget {
  readonly target: bigint;
  meets(hash: Uint8Array): boolean;
}

/**
 * Share targets by difficulty, built once per difficulty (a miner sees a handful), and the
 * network targets of jobs, as bytes compared without making a bigint per hash.
 */
export class TargetCache {
  readonly #shares = new Map<number, ByteTarget>();
  readonly #networks = new Map<bigint, Buffer>();

  constructor(private readonly diff1Target: bigint) {}

  get(difficulty: number): ByteTarget {
    let t = this.#shares.get(difficulty);
    if (t === undefined) {
      const target = shareTargetOf(this.diff1Target, difficulty);
      const bytes = targetBytesLE(target);
      t = { target, meets: (hash) => meetsTarget(hash, bytes) };
      if (this.#shares.size > 64) this.#shares.clear();
      this.#shares.set(difficulty, t);
    }
    return t;
  }

  meetsNetwork(hash: Uint8Array, networkTarget: bigint): boolean {
    if (networkTarget === 0n) return false;
    let bytes = this.#networks.get(networkTarget);
    if (bytes === undefined) {
      bytes = targetBytesLE(networkTarget);
      if (this.#networks.size > 64) this.#networks.clear();
      this.#networks.set(networkTarget, bytes);
    }
    return meetsTarget(hash, bytes);
  }
}
