import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RPC_SERVER_ERROR_CODES } from './rpc-server-errors.js';

describe('RPC server error catalogue', () => {
  it('documents every code the RPC server throws, and lists none it never throws', () => {
    // Arrange
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir)
      .filter(
        (f) =>
          f.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(f) && f !== 'rpc-server-errors.ts',
      )
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    // Act
    const thrown = new Set(
      [...sources.matchAll(/rpcServerError\(\s*'([A-Z_]+)'/g)].map((m) => m[1]),
    );
    // Assert
    expect([...thrown].sort()).toEqual(Object.keys(RPC_SERVER_ERROR_CODES).sort());
    expect(sources).not.toMatch(/new ChimeraError\(/);
  });
});
