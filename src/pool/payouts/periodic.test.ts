import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { ERROR, capture } from './payouts.fixtures.js';
import { runEvery } from './periodic.js';

describe('runEvery', () => {
  it('runs a step each period after the last one ended, logs failures, and stops', async () => {
    // Arrange: the second run fails; the third takes 250 ms.
    const vt = new VirtualTime(0);
    const { logger, lines } = capture();
    const starts: number[] = [];
    const step = async () => {
      starts.push(vt.nowMs());
      if (starts.length === 2) throw new Error('database down');
      if (starts.length === 3) await new Promise<void>((r) => vt.setTimeout(r, 250));
    };

    // Act
    const loop = runEvery(vt, 1000, step, logger);
    await vt.advanceTo(4500);
    await loop.stop();
    await vt.advanceTo(10_000);

    // Assert
    expect(starts).toEqual([1000, 2000, 3000, 4250]);
    expect(lines.filter((l) => l.level === ERROR)).toMatchObject([
      { msg: 'payout step failed', err: { message: 'database down' } },
    ]);
  });
});
