import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtranonceAllocator } from './extranonce-allocator.js';

describe('createExtranonceAllocator', () => {
  it('property: live leases are unique, whatever is allocated, resumed and released', () => {
    const op = fc.oneof(
      fc.constant({ kind: 'fresh' as const }),
      fc.integer({ min: 0, max: 40 }).map((n) => ({ kind: 'resume' as const, n })),
      fc.nat().map((i) => ({ kind: 'release' as const, i })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        // Arrange
        const alloc = createExtranonceAllocator({ size: 1, start: 250 });
        const live: string[] = [];
        // Act
        for (const o of ops) {
          if (o.kind === 'release') {
            if (live.length > 0) alloc.release(live.splice(o.i % live.length, 1)[0]!);
            continue;
          }
          const wanted = o.kind === 'resume' ? o.n.toString(16).padStart(2, '0') : undefined;
          const lease = alloc.allocate(wanted);
          if (lease === undefined) {
            expect(live).toHaveLength(256);
            continue;
          }
          // Assert
          expect(live).not.toContain(lease.hex);
          expect(lease.resumed).toBe(wanted !== undefined && lease.hex === wanted);
          expect(lease.extranonce1.toString('hex')).toBe(lease.hex);
          live.push(lease.hex);
        }
      }),
    );
  });

  it('gives back a free resumed id in lower case and ignores malformed ones', () => {
    const alloc = createExtranonceAllocator({ size: 4 });
    expect(alloc.allocate('DEADBEEF')).toMatchObject({ hex: 'deadbeef', resumed: true });
    expect(alloc.allocate('deadbeef')?.resumed).toBe(false);
    expect(alloc.allocate('xyz')?.resumed).toBe(false);
    expect(alloc.allocate('00')?.hex).toHaveLength(8);
  });

  it('reports exhaustion instead of looping', () => {
    const alloc = createExtranonceAllocator({ size: 1 });
    for (let i = 0; i < 256; i++) alloc.allocate(undefined);
    expect(alloc.allocate(undefined)).toBeUndefined();
  });
});
