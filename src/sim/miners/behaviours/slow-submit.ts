import type { Rng, TimerHandle } from '../../../runtime/index.js';
import type { Behaviour, MinerContext } from './types.js';

/**
 * How long a share takes up a slow or congested link: log-normal around a median of a
 * second (nine in ten between about 0.4 and 2.7 s), kept within 200 ms and 5 s, in whole ms.
 */
export const LINK_DELAY = { minMs: 200, medianMs: 1_000, sigma: 0.6, maxMs: 5_000 } as const;

/** A late share whose job was still current when it went out. */
export const LATE = 'late';
/** A late share sent after a new tip had replaced its job: stale on arrival. */
export const LATE_STALE = 'late-stale';

export function linkDelayMs(rng: Rng): number {
  const ms = LINK_DELAY.medianMs * Math.exp(rng.normal(0, LINK_DELAY.sigma));
  return Math.round(Math.min(LINK_DELAY.maxMs, Math.max(LINK_DELAY.minMs, ms)));
}

/**
 * An honest miner behind a slow uplink: every share it finds reaches the pool late, after a
 * seeded delay, in the order found (one TCP stream). A share whose job was replaced by a
 * new tip while it was on the way arrives stale, and says so in its intent. Shares still on
 * the link when the connection drops are lost with it, as bytes in a dead socket's buffer
 * are; a new connection starts with an empty link.
 */
export const slowSubmit: Behaviour = {
  id: 'slow-submit',
  class: 'honest',
  description: `submits every share ${LINK_DELAY.minMs / 1000}-${LINK_DELAY.maxMs / 1000} s after finding it (a slow or congested uplink)`,
  expected: { kind: 'accept-unless-stale', staleIntent: LATE_STALE, code: 21 },
  create: () => {
    let rng: Rng | undefined;
    const onLink = new Set<TimerHandle>();
    let lastArrivalMs = Number.NEGATIVE_INFINITY;
    // Job ids sent since the newest clean job: what the pool still takes shares for.
    let round = new Set<string>();
    const cut = (ctx: MinerContext): void => {
      for (const timer of onLink) ctx.scheduler.clear(timer);
      onLink.clear();
      lastArrivalMs = Number.NEGATIVE_INFINITY;
      round = new Set();
    };
    return {
      job(_ctx, outcome) {
        if (outcome.job.cleanJobs) round = new Set();
        round.add(outcome.job.jobId);
      },
      found(ctx, share) {
        rng ??= ctx.rng.fork('slow-submit');
        const nowMs = ctx.scheduler.clock.nowMs();
        const arrivalMs = Math.max(nowMs + linkDelayMs(rng), lastArrivalMs);
        lastArrivalMs = arrivalMs;
        const timer = ctx.scheduler.setTimeout(() => {
          onLink.delete(timer);
          const current = round.has(share.solution.job.jobId);
          void ctx.submit(share, current ? LATE : LATE_STALE);
        }, arrivalMs - nowMs);
        onLink.add(timer);
      },
      disconnected: cut,
      stop: cut,
    };
  },
};
