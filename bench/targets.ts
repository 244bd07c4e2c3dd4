import type { Measurement, Target, TargetVerdict } from './benchmark.js';

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function describeTarget(target: Target, unit: string): string {
  return target.kind === 'absolute'
    ? `>= ${Math.round(target.opsPerSecond).toLocaleString('en-US')} ${unit}/s (${target.why})`
    : `>= ${percent(1 - target.within)} of best of [${target.of.join(', ')}] (${target.why})`;
}

/** Judges a measurement against its target, given every measurement of the run. */
export function judge(
  measured: Measurement,
  target: Target,
  all: readonly Measurement[],
): TargetVerdict {
  const description = describeTarget(target, measured.unit);
  if (target.kind === 'absolute') {
    const threshold = target.opsPerSecond;
    return {
      status: measured.opsPerSecond >= threshold ? 'met' : 'missed',
      threshold,
      description,
    };
  }
  const peers = target.of.map((name) => all.find((m) => m.name === name));
  const missing = target.of.filter((_, i) => peers[i] === undefined);
  if (missing.length > 0) {
    return { status: 'not-judged', description, why: `not measured: ${missing.join(', ')}` };
  }
  const best = Math.max(...peers.map((m) => m!.opsPerSecond));
  const threshold = best * (1 - target.within);
  return { status: measured.opsPerSecond >= threshold ? 'met' : 'missed', threshold, description };
}
