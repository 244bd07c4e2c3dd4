import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePorts } from './free-ports.js';

describe('freePorts', () => {
  it('gives distinct ports that can be bound on loopback right after', async () => {
    // Act
    const ports = await freePorts(6);
    // Assert
    expect(new Set(ports).size).toBe(6);
    for (const port of ports) {
      expect(port).toBeGreaterThan(0);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a count below one', async () => {
    await expect(freePorts(0)).rejects.toThrow(RangeError);
  });
});
