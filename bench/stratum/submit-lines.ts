import { hashToBigInt } from '../../src/pool/core/bytes.js';
import { sha256d } from '../../src/pool/core/hash.js';
import type { NotifyFields } from '../../src/pool/stratum/index.js';
import { headerFromNotify, targetOf } from '../../src/pool/stratum/miner.fixtures.js';

/** What a miner works from: its extranonce1, the difficulty and the job it was sent. */
export interface MinerWork {
  readonly worker: string;
  readonly extranonce1: string;
  readonly difficulty: number;
  readonly notify: NotifyFields;
}

/** One extranonce2 per connection; the nonce alone makes each share new. */
export const EXTRANONCE2 = '00000000';

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/**
 * Submit lines for one connection's job, byte for byte what encodeSubmitRequest writes, with
 * the fixed part built once: a line costs the generator two short concatenations, so it can
 * outrun the pool.
 */
export class SubmitLines {
  readonly #middle: string;

  constructor(readonly work: MinerWork) {
    const { worker, notify } = work;
    const fixed = [worker, notify.jobId, EXTRANONCE2, notify.ntime].map((s) => JSON.stringify(s));
    this.#middle = `,"method":"mining.submit","params":[${fixed.join(',')},"`;
  }

  line(id: number, nonce: number): string {
    return `{"id":${id}${this.#middle}${hex32(nonce)}"]}\n`;
  }

  /**
   * Judged miner-side from the notify text alone, as cpuminer would: the share with this
   * nonce meets the difficulty the pool set. At the benchmark's difficulty every nonce does.
   */
  isSolution(nonce: number): boolean {
    const { notify, extranonce1, difficulty } = this.work;
    const header = headerFromNotify(notify, extranonce1, EXTRANONCE2, notify.ntime, hex32(nonce));
    return hashToBigInt(sha256d(header)) <= targetOf(difficulty);
  }
}
