/** The proof-of-work function of the coin: 80-byte header in, 32-byte hash out. */
export type HeaderHasher = (header: Uint8Array) => Buffer;

export type GrindResult =
  | {
      readonly kind: 'found';
      readonly nonce: number;
      readonly hash: Buffer;
      readonly hashes: number;
    }
  /** The budget ran out first; resume from `nextNonce`. */
  | { readonly kind: 'budget'; readonly nextNonce: number; readonly hashes: number }
  /** Every nonce from the start up to 2^32 - 1 was tried: move to a new header. */
  | { readonly kind: 'wrapped'; readonly hashes: number };

/**
 * Tries nonces from `startNonce` upwards (written little-endian at bytes 76..80 of
 * `header`, which is changed in place) until the hash satisfies `accept`, the budget is
 * spent, or the nonce space ends.
 */
export function grind(
  header: Buffer,
  hash: HeaderHasher,
  accept: (hash: Buffer) => boolean,
  startNonce: number,
  maxHashes: number,
): GrindResult {
  let nonce = startNonce >>> 0;
  for (let done = 0; done < maxHashes;) {
    header.writeUInt32LE(nonce, 76);
    const h = hash(header);
    done++;
    if (accept(h)) return { kind: 'found', nonce, hash: h, hashes: done };
    if (nonce === 0xffffffff) return { kind: 'wrapped', hashes: done };
    nonce++;
  }
  return { kind: 'budget', nextNonce: nonce, hashes: maxHashes };
}
