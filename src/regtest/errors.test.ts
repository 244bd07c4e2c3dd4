import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGTEST_ERROR_CODES } from './errors.js';

describe('REGTEST_ERROR_CODES', () => {
  it('documents every code the harness throws, and lists none it never throws', async () => {
    // Arrange
    const dir = import.meta.dirname;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.includes('.test.'));
    const thrown = new Set<string>();
    for (const file of files) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const m of text.matchAll(/regtestError\(\s*'([A-Z_]+)'/g)) thrown.add(m[1]!);
    }
    // Act
    const documented = Object.keys(REGTEST_ERROR_CODES);
    // Assert
    expect([...thrown].sort()).toEqual([...documented].sort());
    for (const text of Object.values(REGTEST_ERROR_CODES)) expect(text.length).toBeGreaterThan(20);
  });
});
