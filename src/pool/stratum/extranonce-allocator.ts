import { ChimeraError } from '../../errors.js';
import { isHex } from '../core/bytes.js';
import type { ExtranonceAllocator, ExtranonceLease } from './ports.js';

export interface ExtranonceAllocatorOptions {
  /** extranonce1 length in bytes, 1..8 (jobs must be built with the same size). */
  readonly size: number;
  /** Where the sequence starts (a seeded value in the simulator, so runs replay). */
  readonly start?: number;
}

/**
 * Hands out extranonce1 values in sequence, skipping ones in use, so two live sessions never
 * share one. A resumed session gets its old value back when nobody holds it.
 */
export function createExtranonceAllocator(
  options: ExtranonceAllocatorOptions,
): ExtranonceAllocator {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1 || size > 8) {
    throw new ChimeraError('STRATUM_EXTRANONCE_SIZE', 'extranonce1 size must be 1..8 bytes', {
      size,
    });
  }
  const space = 1n << BigInt(8 * size);
  const inUse = new Set<string>();
  let cursor = BigInt(options.start ?? 0) % space;

  function lease(hex: string, resumed: boolean): ExtranonceLease {
    inUse.add(hex);
    return { extranonce1: Buffer.from(hex, 'hex'), hex, resumed };
  }

  return {
    size,
    allocate(preferred) {
      if (preferred !== undefined && preferred.length === size * 2 && isHex(preferred)) {
        const hex = preferred.toLowerCase();
        if (!inUse.has(hex)) return lease(hex, true);
      }
      if (BigInt(inUse.size) >= space) return undefined;
      for (;;) {
        const hex = cursor.toString(16).padStart(size * 2, '0');
        cursor = (cursor + 1n) % space;
        if (!inUse.has(hex)) return lease(hex, false);
      }
    },
    release(hex) {
      inUse.delete(hex);
    },
  };
}
