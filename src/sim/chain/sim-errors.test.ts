import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIM_ERROR_CODES } from './sim-errors.js';

describe('simulator error catalogue', () => {
  it('documents every code the simulator throws, and lists none it never throws', () => {
    // Arrange
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'sim-errors.ts')
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    // Act
    const thrown = new Set([...sources.matchAll(/simError\(\s*'([A-Z_]+)'/g)].map((m) => m[1]));
    // Assert
    expect([...thrown].sort()).toEqual(Object.keys(SIM_ERROR_CODES).sort());
    expect(sources).not.toMatch(/new ChimeraError\(/);
  });
});
