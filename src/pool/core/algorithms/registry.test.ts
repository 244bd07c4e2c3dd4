import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../../errors.js';
import { sha256d } from '../hash.js';
import { SHA256D_DIFF1 } from '../difficulty/diff1.js';
import { AlgorithmRegistry } from './registry.js';
import { SHA256D_VECTORS } from './sha256d.js';
import type { PowAlgorithm } from './types.js';
import { verifyAlgorithm } from './verify.js';

function good(id: string): PowAlgorithm {
  return { id, diff1Target: SHA256D_DIFF1, hashHeader: sha256d, vectors: SHA256D_VECTORS };
}

/** Right for the first vector, wrong afterwards: only checking every vector catches it. */
function wrongOnSecondVector(id: string): PowAlgorithm {
  const second = Buffer.from(SHA256D_VECTORS[1]!.inputHex, 'hex');
  return {
    ...good(id),
    hashHeader: (header) => (second.equals(header) ? Buffer.alloc(32, 0xab) : sha256d(header)),
  };
}

describe('AlgorithmRegistry.register', () => {
  it('accepts an algorithm that reproduces its vectors', () => {
    // Arrange
    const registry = new AlgorithmRegistry();
    const alg = good('sha256d');
    // Act
    const result = registry.register(alg);
    // Assert
    expect(result).toEqual({ kind: 'registered', algorithm: alg });
    expect(registry.get('sha256d')).toBe(alg);
    expect(registry.require('sha256d')).toBe(alg);
  });

  it('refuses a wrong algorithm, naming the vector and what came out', () => {
    const registry = new AlgorithmRegistry();
    const result = registry.register(wrongOnSecondVector('broken'));
    expect(result).toEqual({
      kind: 'rejected',
      id: 'broken',
      rejection: {
        reason: 'wrong-output',
        vectorIndex: 1,
        source: SHA256D_VECTORS[1]!.source,
        inputHex: SHA256D_VECTORS[1]!.inputHex,
        expectedHex: SHA256D_VECTORS[1]!.outputHex,
        actualHex: 'ab'.repeat(32),
      },
    });
    expect(registry.get('broken')).toBeUndefined();
  });

  it('refuses an algorithm with no vectors', () => {
    const registry = new AlgorithmRegistry();
    const result = registry.register({ ...good('novec'), vectors: [] });
    expect(result).toMatchObject({ kind: 'rejected', rejection: { reason: 'no-vectors' } });
    expect(registry.list()).toEqual([]);
  });

  it('refuses a second algorithm under an id already taken, keeping the first', () => {
    const registry = new AlgorithmRegistry();
    const first = good('sha256d');
    registry.register(first);
    const result = registry.register(good('sha256d'));
    expect(result).toMatchObject({ kind: 'rejected', rejection: { reason: 'duplicate-id' } });
    expect(registry.get('sha256d')).toBe(first);
  });

  it('keeps ids unique whatever sequence of registrations arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 20 }), (ids) => {
        // Arrange
        const registry = new AlgorithmRegistry();
        // Act
        const kinds = ids.map((id) => registry.register(good(id)).kind);
        // Assert
        const listed = registry.list().map((alg) => alg.id);
        expect(new Set(listed).size).toBe(listed.length);
        expect(listed).toEqual([...new Set(ids)]);
        expect(kinds).toEqual(
          ids.map((id, i) => (ids.indexOf(id) === i ? 'registered' : 'rejected')),
        );
      }),
    );
  });
});

describe('AlgorithmRegistry.replace', () => {
  it('swaps in a new implementation that reproduces the vectors', () => {
    const registry = new AlgorithmRegistry();
    const old = good('sha256d');
    registry.register(old);
    const next = good('sha256d');
    expect(registry.replace(next)).toEqual({ kind: 'replaced', algorithm: next, previous: old });
    expect(registry.get('sha256d')).toBe(next);
  });

  it('refuses a wrong implementation and the old one stays in use', () => {
    const registry = new AlgorithmRegistry();
    const old = good('sha256d');
    registry.register(old);
    const result = registry.replace(wrongOnSecondVector('sha256d'));
    expect(result).toMatchObject({ kind: 'rejected', rejection: { reason: 'wrong-output' } });
    expect(registry.get('sha256d')).toBe(old);
    expect(registry.list()).toEqual([old]);
  });

  it('refuses to replace an id that is not registered', () => {
    const registry = new AlgorithmRegistry();
    const result = registry.replace(good('sha256d'));
    expect(result).toMatchObject({ kind: 'rejected', rejection: { reason: 'unknown-id' } });
    expect(registry.get('sha256d')).toBeUndefined();
  });
});

describe('AlgorithmRegistry.remove, require and list', () => {
  it('remove takes an algorithm out and says whether it was there', () => {
    const registry = new AlgorithmRegistry();
    registry.register(good('a'));
    registry.register(good('b'));
    expect(registry.remove('a')).toBe(true);
    expect(registry.remove('a')).toBe(false);
    expect(registry.get('a')).toBeUndefined();
    expect(registry.list().map((alg) => alg.id)).toEqual(['b']);
    expect(registry.register(good('a')).kind).toBe('registered');
  });

  it('require throws UNKNOWN_ALGORITHM for an id it does not hold', () => {
    const registry = new AlgorithmRegistry();
    registry.register(good('sha256d'));
    const thrown = ((): unknown => {
      try {
        registry.require('x11');
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ChimeraError);
    expect(thrown).toMatchObject({
      code: 'UNKNOWN_ALGORITHM',
      details: { id: 'x11', known: ['sha256d'] },
    });
  });

  it('instances do not share state', () => {
    const one = new AlgorithmRegistry();
    one.register(good('sha256d'));
    expect(new AlgorithmRegistry().list()).toEqual([]);
  });
});

describe('verifyAlgorithm', () => {
  it('turns a hasher that throws into a failure', () => {
    const alg: PowAlgorithm = {
      ...good('throws'),
      hashHeader: () => {
        throw new Error('no SIMD here');
      },
    };
    expect(verifyAlgorithm(alg)).toEqual({
      kind: 'failed',
      failure: {
        reason: 'hash-threw',
        vectorIndex: 0,
        source: SHA256D_VECTORS[0]!.source,
        message: 'no SIMD here',
      },
    });
  });

  it('catches a hasher that hands out a view of reused memory', () => {
    const shared = Buffer.alloc(32);
    const alg: PowAlgorithm = {
      ...good('aliased'),
      hashHeader: (header) => {
        sha256d(header).copy(shared);
        return shared;
      },
    };
    expect(verifyAlgorithm(alg)).toMatchObject({
      kind: 'failed',
      failure: { reason: 'unstable-output', vectorIndex: 0 },
    });
  });

  it('refuses malformed vectors, ids and difficulty-1 targets', () => {
    const shortOutput = [{ inputHex: '00', outputHex: 'abcd', source: 'test' }];
    expect(verifyAlgorithm({ ...good('v'), vectors: shortOutput })).toMatchObject({
      failure: { reason: 'bad-vector', vectorIndex: 0 },
    });
    expect(verifyAlgorithm(good('Not An Id'))).toMatchObject({ failure: { reason: 'bad-id' } });
    expect(verifyAlgorithm(good(''))).toMatchObject({ failure: { reason: 'bad-id' } });
    for (const diff1Target of [0n, 1n << 256n]) {
      expect(verifyAlgorithm({ ...good('t'), diff1Target })).toMatchObject({
        failure: { reason: 'bad-diff1-target' },
      });
    }
  });

  it('accepts an upper-case expected output', () => {
    const vectors = SHA256D_VECTORS.map((v) => ({ ...v, outputHex: v.outputHex.toUpperCase() }));
    expect(verifyAlgorithm({ ...good('upper'), vectors })).toEqual({ kind: 'verified' });
  });
});
