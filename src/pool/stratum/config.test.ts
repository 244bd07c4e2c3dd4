import { describe, expect, it } from 'vitest';
import { stratumConfig } from './config.js';

describe('stratumConfig', () => {
  it('fills defaults, freezes, and names every bad field', () => {
    const c = stratumConfig({ network: 'ltc' });
    expect(c.session.extranonce2Size).toBe(4);
    expect(c.session.versionMask).toBe(0x1fffe000);
    expect(Object.isFrozen(c.session)).toBe(true);
    expect(() => stratumConfig({ network: '', extranonce2Size: 99 })).toThrow(
      /network.*extranonce2Size|extranonce2Size.*network/,
    );
    expect(() => stratumConfig({ network: 'x', difficulty: { min: '2', max: '1' } })).toThrow(
      /STRATUM_CONFIG_INVALID/,
    );
  });
});
