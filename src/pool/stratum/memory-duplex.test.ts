import { describe, expect, it } from 'vitest';
import { createDuplexPair } from './memory-duplex.js';

describe('createDuplexPair', () => {
  it('carries bytes both ways and ends the other side', async () => {
    const [a, b] = createDuplexPair();
    const got: string[] = [];
    b.on('data', (c: Buffer) => got.push(c.toString()));
    const ended = new Promise((resolve) => b.on('end', resolve));
    a.write('hello ');
    a.end('world');
    await ended;
    expect(got.join('')).toBe('hello world');
    b.destroy();
  });

  it('holds writes when the reader does not read, so writableLength grows', async () => {
    const [a, b] = createDuplexPair({ highWaterMark: 64 });
    for (let i = 0; i < 20; i++) a.write('x'.repeat(32));
    await new Promise((resolve) => process.nextTick(resolve));
    expect(a.writableLength).toBeGreaterThan(64 * 4);
    expect(b.readableLength).toBeLessThanOrEqual(128);
    a.destroy();
    expect(b.destroyed).toBe(true);
  });
});
