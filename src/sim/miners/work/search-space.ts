import { grind, type HeaderHasher } from './grind.js';
import { headerFor, type MinerJob } from './miner-job.js';

/** A real solution of a job: the submit fields and what they hash to. */
export interface Solution {
  readonly job: MinerJob;
  readonly extranonce1: string;
  readonly extranonce2: string;
  /** 8 hex characters, big-endian text of the header's ntime. */
  readonly ntime: string;
  readonly nonce: string;
  /** The rolled version bits (BIP 310's 6th submit param), when the miner rolls them. */
  readonly versionBits: string | undefined;
  /** The proof-of-work hash, little-endian bytes as the hasher returns them. */
  readonly hash: Buffer;
}

export interface GrindOptions {
  /** Write this ntime into the header instead of the job's. */
  readonly ntime?: number;
  /** Roll exactly these bits (even outside the mask) instead of the search's own. */
  readonly versionBits?: number;
}

export type SearchResult =
  | { readonly kind: 'found'; readonly solution: Solution; readonly hashes: number }
  | { readonly kind: 'budget'; readonly hashes: number };

interface Cursor {
  readonly key: string;
  readonly header: Buffer;
  readonly extranonce2: string;
  readonly versionBits: number | undefined;
  nonce: number;
}

/**
 * Where a miner is in its search space: which extranonce2 (and rolled version bits) it
 * works on and the next nonce. Every new header takes the next extranonce2, so two
 * solutions of one miner never coincide, across jobs, reconnects and resumed sessions.
 */
export class SearchSpace {
  #counter = 0;
  #cursor: Cursor | undefined;

  constructor(
    private readonly hash: HeaderHasher,
    /** BIP 310 mask agreed with the pool; 0 when the miner does not roll version bits. */
    public rollingMask = 0,
  ) {}

  /** Grinds from where the last grind on the same work stopped, for at most `maxHashes`. */
  grind(
    job: MinerJob,
    extranonce1: string,
    extranonce2Size: number,
    accept: (hash: Buffer) => boolean,
    maxHashes: number,
    options: GrindOptions = {},
  ): SearchResult {
    let spent = 0;
    while (spent < maxHashes) {
      const cursor = this.#cursorFor(job, extranonce1, extranonce2Size, options);
      const r = grind(cursor.header, this.hash, accept, cursor.nonce, maxHashes - spent);
      spent += r.hashes;
      if (r.kind === 'found') {
        cursor.nonce = (r.nonce + 1) >>> 0;
        // A rolling ASIC spreads its search over version bits as well as nonces: each share
        // comes from a fresh header (next extranonce2, next version pattern).
        if (r.nonce === 0xffffffff || cursor.versionBits !== undefined) this.#cursor = undefined;
        const solution: Solution = {
          job,
          extranonce1,
          extranonce2: cursor.extranonce2,
          ntime: hex32(cursor.header.readUInt32LE(68)),
          nonce: hex32(r.nonce),
          versionBits: cursor.versionBits === undefined ? undefined : hex32(cursor.versionBits),
          hash: r.hash,
        };
        return { kind: 'found', solution, hashes: spent };
      }
      if (r.kind === 'wrapped') this.#cursor = undefined;
      else cursor.nonce = r.nextNonce;
    }
    return { kind: 'budget', hashes: spent };
  }

  #cursorFor(
    job: MinerJob,
    extranonce1: string,
    extranonce2Size: number,
    options: GrindOptions,
  ): Cursor {
    const ntime = options.ntime ?? job.ntime;
    const key = `${job.jobId}|${job.notify.prevHash}|${extranonce1}|${extranonce2Size}|${ntime}|${options.versionBits ?? 'own'}|${this.rollingMask}`;
    if (this.#cursor?.key === key) return this.#cursor;
    const n = ++this.#counter;
    const extranonce2 = counterHex(n, extranonce2Size);
    const rolled =
      options.versionBits ?? (this.rollingMask === 0 ? undefined : deposit(n, this.rollingMask));
    // An override may set bits outside the mask (to test the pool): they go in as sent.
    const cleared = (this.rollingMask | (options.versionBits ?? 0)) >>> 0;
    const version = rolled === undefined ? job.version : ((job.version & ~cleared) | rolled) >>> 0;
    const header = headerFor(
      job,
      Buffer.from(extranonce1, 'hex'),
      Buffer.from(extranonce2, 'hex'),
      ntime,
      version,
    );
    this.#cursor = { key, header, extranonce2, versionBits: rolled, nonce: 0 };
    return this.#cursor;
  }
}

export function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** The counter's low bytes as `size` bytes of big-endian hex (wrapping, as a real miner's). */
function counterHex(n: number, size: number): string {
  if (size === 0) return '';
  const text = n.toString(16);
  return text.length >= size * 2 ? text.slice(-size * 2) : text.padStart(size * 2, '0');
}

/**
 * Spreads the counter's low bits over the mask's set bits (PDEP), so each header rolls a
 * different, valid pattern, as an ASIC rolling version bits (overt AsicBoost) does.
 */
export function deposit(counter: number, mask: number): number {
  let out = 0;
  let rest = counter;
  for (let i = 0; i < 32 && rest > 0; i++) {
    if (((mask >>> i) & 1) === 0) continue;
    if (rest % 2 === 1) out = (out | (1 << i)) >>> 0;
    rest = Math.floor(rest / 2);
  }
  return out >>> 0;
}
