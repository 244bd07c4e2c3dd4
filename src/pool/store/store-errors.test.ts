import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORE_ERROR_CODES } from './store-errors.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'testing' || entry.name === 'contract' ? [] : sources(path);
    const code =
      entry.name.endsWith('.ts') && !/\.(int\.)?test\.ts$|\.contract\.ts$/.test(entry.name);
    return code && entry.name !== 'store-errors.ts' ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('store error catalogue', () => {
  it('documents every code the store throws, and lists none it never throws', () => {
    // Arrange
    const code = sources(fileURLToPath(new URL('.', import.meta.url))).join('\n');
    // Act
    const thrown = new Set([...code.matchAll(/storeError\(\s*'([A-Z_]+)'/g)].map((m) => m[1]));
    // Assert
    expect([...thrown].sort()).toEqual(Object.keys(STORE_ERROR_CODES).sort());
    expect(code).not.toMatch(/new ChimeraError\(/);
  });
});
