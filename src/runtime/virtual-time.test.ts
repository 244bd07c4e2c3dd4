import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from './virtual-time.js';

describe('VirtualTime', () => {
  it('fires timers in due order, ties in the order they were set', async () => {
    // Arrange
    const vt = new VirtualTime(1000);
    const fired: string[] = [];
    vt.setTimeout(() => fired.push('b@20'), 20);
    vt.setTimeout(() => fired.push('a@10'), 10);
    vt.setTimeout(() => fired.push('c@20'), 20);
    // Act
    await vt.advanceBy(20);
    // Assert
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
    expect(vt.nowMs()).toBe(1020);
  });

  it('reads the timer due time as now inside its callback', async () => {
    const vt = new VirtualTime(0);
    const seen: number[] = [];
    vt.setTimeout(() => seen.push(vt.nowMs()), 7);
    await vt.advanceTo(100);
    expect(seen).toEqual([7]);
    expect(vt.nowMs()).toBe(100);
  });

  it('repeats intervals until cleared and never fires a cleared timer', async () => {
    const vt = new VirtualTime(0);
    let ticks = 0;
    const h = vt.setInterval(() => ticks++, 10);
    const never = vt.setTimeout(() => {
      throw new Error('cleared timer fired');
    }, 5);
    vt.clear(never);
    await vt.advanceTo(35);
    vt.clear(h);
    await vt.advanceTo(100);
    expect(ticks).toBe(3);
    expect(vt.pending).toBe(0);
  });

  it('lets promise chains started by a timer finish before the next timer', async () => {
    const vt = new VirtualTime(0);
    const log: string[] = [];
    vt.setTimeout(() => {
      void Promise.resolve()
        .then(() => undefined)
        .then(() => log.push('async-after-1'));
    }, 1);
    vt.setTimeout(() => log.push('timer-2'), 2);
    await vt.advanceTo(2);
    expect(log).toEqual(['async-after-1', 'timer-2']);
  });

  it('property: any set of timers fires sorted by (due, insertion) and time never goes back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }),
        async (delays) => {
          // Arrange
          const vt = new VirtualTime(0);
          const fired: { at: number; i: number; now: number }[] = [];
          delays.forEach((d, i) =>
            vt.setTimeout(() => fired.push({ at: d, i, now: vt.nowMs() }), d),
          );
          // Act
          await vt.advanceTo(1000);
          // Assert
          const expected = delays
            .map((d, i) => ({ at: d, i, now: d }))
            .sort((x, y) => x.at - y.at || x.i - y.i);
          expect(fired).toEqual(expected);
        },
      ),
    );
  });
});
