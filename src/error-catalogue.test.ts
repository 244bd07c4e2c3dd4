import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './error-catalogue.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    const isSource = /\.tsx?$/.test(name) && !/\.(test|fixtures)\.tsx?$/.test(name);
    return isSource ? [path] : [];
  });
}

/** First-argument codes of ChimeraError and of every `xxxError('CODE', ...)` helper. */
function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /\b[A-Za-z]*Error\(\s*'([A-Z][A-Z0-9_]{3,})'/g;
  for (const file of sources(new URL('.', import.meta.url).pathname)) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) found.set(m[1]!, file);
  }
  return found;
}

describe('error catalogue', () => {
  it('documents every code the source throws', () => {
    const undocumented = [...thrownCodes()].filter(([code]) => !(code in ERROR_CATALOGUE));
    expect(undocumented.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('gives each code a real description', () => {
    for (const [code, text] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(text.length, code).toBeGreaterThan(20);
    }
  });
});
