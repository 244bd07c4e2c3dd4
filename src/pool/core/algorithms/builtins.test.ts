import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import powJson from '../../../../../shared/vectors/pow.json' with { type: 'json' };
import { fromDisplayHex, toHex } from '../bytes.js';
import { SCRYPT_DIFF1, SHA256D_DIFF1 } from '../difficulty/diff1.js';
import { blake2sNodeCrypto, createBlake2sHashWasm } from './blake2s.js';
import { createBuiltinAlgorithms, createDefaultRegistry } from './default-registry.js';
import { SCRYPT_VECTORS, scryptNodeCrypto } from './scrypt.js';
import { SHA256D_VECTORS, createSha256dHashWasm, sha256dNodeCrypto } from './sha256d.js';
import type { PowAlgorithm } from './types.js';
import { HASH_BYTES, verifyAlgorithm } from './verify.js';

const header80 = fc.uint8Array({ minLength: 80, maxLength: 80 });

let builtins: readonly PowAlgorithm[] = [];
let variants: Readonly<Record<string, PowAlgorithm>> = {};
beforeAll(async () => {
  builtins = await createBuiltinAlgorithms();
  variants = {
    sha256dNode: sha256dNodeCrypto,
    sha256dHashWasm: await createSha256dHashWasm(),
    scryptNode: scryptNodeCrypto,
    blake2sNode: blake2sNodeCrypto,
    blake2sHashWasm: await createBlake2sHashWasm(),
  };
});

describe('built-in algorithms', () => {
  it('are sha256d, scrypt, blake3 and blake2s, and every one reproduces its vectors', () => {
    // Arrange: built in beforeAll
    // Act
    const verdicts = builtins.map((alg) => [alg.id, verifyAlgorithm(alg).kind]);
    // Assert
    expect(verdicts).toEqual([
      ['sha256d', 'verified'],
      ['scrypt', 'verified'],
      ['blake3', 'verified'],
      ['blake2s', 'verified'],
    ]);
  });

  it('every alternative implementation reproduces its vectors too', () => {
    for (const [name, alg] of Object.entries(variants)) {
      expect(verifyAlgorithm(alg), name).toEqual({ kind: 'verified' });
    }
  });

  it('declare difficulty-1 targets: scrypt 0xffff*2^224, the others 0xffff*2^208', () => {
    const targets = Object.fromEntries(builtins.map((alg) => [alg.id, alg.diff1Target]));
    expect(targets).toEqual({
      sha256d: SHA256D_DIFF1,
      scrypt: SCRYPT_DIFF1,
      blake3: SHA256D_DIFF1,
      blake2s: SHA256D_DIFF1,
    });
    expect(SHA256D_DIFF1).toBe(0xffffn * 2n ** 208n);
  });

  it('hash deterministically to 32 fresh bytes for any 80-byte header', () => {
    for (const alg of builtins) {
      fc.assert(
        fc.property(header80, header80, (header, other) => {
          // Act
          const first = alg.hashHeader(header);
          const firstHex = toHex(first);
          alg.hashHeader(other);
          const again = alg.hashHeader(Uint8Array.from(header));
          // Assert
          expect(first.length).toBe(HASH_BYTES);
          expect(toHex(first)).toBe(firstHex);
          expect(toHex(again)).toBe(firstHex);
        }),
        { numRuns: alg.id === 'scrypt' ? 40 : 200 },
      );
    }
  });

  it('createDefaultRegistry holds the built-ins, each usable by id', async () => {
    const registry = await createDefaultRegistry();
    expect(registry.list().map((alg) => alg.id)).toEqual([
      'sha256d',
      'scrypt',
      'blake3',
      'blake2s',
    ]);
    const genesis = fromDisplayHex(powJson.sha256d_headers[0]!.block_hash);
    const header = Buffer.from(powJson.sha256d_headers[0]!.header_hex, 'hex');
    expect(registry.require('sha256d').hashHeader(header)).toEqual(genesis);
  });
});

describe('implementations agree with each other', () => {
  it('sha256d: hash-wasm equals node:crypto on any input', () => {
    const { sha256dNode, sha256dHashWasm } = variants;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(toHex(sha256dHashWasm!.hashHeader(data))).toBe(toHex(sha256dNode!.hashHeader(data)));
      }),
    );
  });

  it('blake2s: hash-wasm equals node:crypto blake2s256 on any input', () => {
    const [node, wasm] = [variants.blake2sNode!, variants.blake2sHashWasm!];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(toHex(wasm.hashHeader(data))).toBe(toHex(node.hashHeader(data)));
      }),
    );
  });
});

describe('vectors match the shared pow.json', () => {
  it('sha256d vectors are its headers with block hashes in internal byte order', () => {
    const fromFile = powJson.sha256d_headers.map((h) => ({
      inputHex: h.header_hex,
      outputHex: toHex(fromDisplayHex(h.block_hash)),
    }));
    expect(SHA256D_VECTORS.map(({ inputHex, outputHex }) => ({ inputHex, outputHex }))).toEqual(
      fromFile,
    );
  });

  it('the scrypt vector is the Litecoin genesis proof-of-work hash, reversed', () => {
    const ltc = powJson.scrypt_headers[0]!;
    expect(SCRYPT_VECTORS[0]).toMatchObject({
      inputHex: ltc.header_hex,
      outputHex: toHex(fromDisplayHex(ltc.pow_hash_scrypt_1024_1_1)),
    });
  });
});
