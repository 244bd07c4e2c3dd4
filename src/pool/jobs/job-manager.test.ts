import { describe, expect, it } from 'vitest';
import { fromDisplayHex } from '../core/bytes.js';
import { vectorTemplate, POOL_SCRIPT } from '../core/shares/share.fixtures.js';
import { JobManager } from './job-manager.js';
import type { PoolJob } from './types.js';

const base = vectorTemplate('litecoind-0.21-h102.json');
const otherTip = (() => {
  const hex = 'aa'.repeat(32);
  return { ...base, height: base.height + 1, prevHashHex: hex, prevHash: fromDisplayHex(hex) };
})();

function manager(maxJobs = 8): JobManager {
  return new JobManager({
    poolScript: POOL_SCRIPT,
    extranonce1Size: 4,
    extranonce2Size: 4,
    tag: '/t/',
    maxJobs,
  });
}

describe('JobManager', () => {
  it('announces a clean job on a new tip and a refresh otherwise', () => {
    // Arrange
    const m = manager();
    const seen: PoolJob[] = [];
    m.onJob((j) => seen.push(j));
    // Act
    m.ingest(base, 1000);
    m.ingest({ ...base, curTime: base.curTime + 30 }, 31_000);
    m.ingest(otherTip, 40_000);
    // Assert
    expect(seen.map((j) => j.cleanJobs)).toEqual([true, false, true]);
    expect(new Set(seen.map((j) => j.id)).size).toBe(3);
    expect(m.current()?.id).toBe(seen[2]?.id);
    expect(seen[1]?.work.notify.ntime).toBe((base.curTime + 30).toString(16).padStart(8, '0'));
  });

  it('keeps same-tip jobs active, makes old-tip jobs stale and forgets beyond maxJobs', () => {
    // Arrange
    const m = manager(3);
    const a = m.ingest(base, 0);
    const b = m.ingest({ ...base, curTime: base.curTime + 1 }, 1);
    // Act / Assert: refresh keeps both active
    expect(m.lookup(a.id).kind).toBe('active');
    expect(m.lookup(b.id).kind).toBe('active');
    const c = m.ingest(otherTip, 2);
    expect(m.lookup(a.id).kind).toBe('stale');
    expect(m.lookup(b.id).kind).toBe('stale');
    expect(m.lookup(c.id).kind).toBe('active');
    m.ingest({ ...otherTip, curTime: otherTip.curTime + 1 }, 3);
    expect(m.lookup(a.id).kind).toBe('unknown');
    expect(m.lookup('nope').kind).toBe('unknown');
  });

  it('pays the whole coinbase value to the pool script', () => {
    const job = manager().ingest(base, 0);
    expect(job.work.coinb2.includes(POOL_SCRIPT)).toBe(true);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const m = manager();
    let calls = 0;
    const off = m.onJob(() => calls++);
    m.ingest(base, 0);
    off();
    m.ingest(otherTip, 1);
    expect(calls).toBe(1);
  });
});
