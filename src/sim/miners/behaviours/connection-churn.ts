import type { TimerHandle } from '../../../runtime/index.js';
import type { Behaviour } from './types.js';

const HOLD_MS = 2_000;
const AWAY_MS = 500;

/**
 * Connects, takes its first job, hangs up two seconds later and comes back half a second
 * after that, for as long as it runs: a flapping rig, or a client probing the pool.
 */
export const connectionChurn: Behaviour = {
  id: 'connection-churn',
  class: 'honest',
  description: `reconnects every ${HOLD_MS / 1000} s after taking its first job`,
  expected: { kind: 'serve-every-connection' },
  create: () => {
    let timer: TimerHandle | undefined;
    let armed = false;
    return {
      job(ctx) {
        if (armed) return;
        armed = true;
        timer = ctx.scheduler.setTimeout(() => ctx.disconnect(AWAY_MS), HOLD_MS);
      },
      disconnected(ctx) {
        ctx.scheduler.clear(timer);
        armed = false;
      },
      stop(ctx) {
        ctx.scheduler.clear(timer);
      },
    };
  },
};
