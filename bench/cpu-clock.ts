import { readFileSync } from 'node:fs';

/**
 * CPU time of the calling thread, in nanoseconds. On Linux, /proc/thread-self/schedstat
 * counts only this thread, so GC and compiler helper threads do not dilute a single-thread
 * rate; elsewhere it falls back to process.cpuUsage(), which counts every thread.
 */
export interface CpuClock {
  readonly kind: 'thread' | 'process';
  readonly nowNs: () => number;
}

function schedstatNs(): number {
  const text = readFileSync('/proc/thread-self/schedstat', 'latin1');
  return Number(text.slice(0, text.indexOf(' ')));
}

export function createCpuClock(): CpuClock {
  try {
    if (Number.isFinite(schedstatNs())) return { kind: 'thread', nowNs: schedstatNs };
  } catch {
    // not Linux, or /proc is not mounted: use the process-wide clock
  }
  return {
    kind: 'process',
    nowNs: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) * 1000;
    },
  };
}
