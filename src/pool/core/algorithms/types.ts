/**
 * A proof-of-work hash function. `hashHeader` is synchronous because it sits on the share
 * path; its 32-byte result is compared with a target as a little-endian 256-bit number.
 */
export interface PowAlgorithm {
  readonly id: string;
  /** The target a share of pool difficulty 1 must meet. */
  readonly diff1Target: bigint;
  /**
   * Hashes any input (an 80-byte header on the share path); returns a fresh 32-byte buffer.
   * A function property, not a method, so callers may pass `alg.hashHeader` on its own.
   */
  readonly hashHeader: (header: Uint8Array) => Buffer;
  /** Known answers from public sources; an algorithm is usable only once it reproduces them. */
  readonly vectors: readonly KnownAnswer[];
}

/** One known answer: hashHeader(input) must equal output, both hex in internal byte order. */
export interface KnownAnswer {
  readonly inputHex: string;
  readonly outputHex: string;
  /** Where the answer was published, so a reader can check it. */
  readonly source: string;
}
