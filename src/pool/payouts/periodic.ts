import type { Logger } from 'pino';
import type { Scheduler, TimerHandle } from '../../runtime/scheduler.js';
import { failureNote } from './payout-errors.js';

export interface PeriodicStep {
  /** Stops the timer and waits for a step under way. */
  stop(): Promise<void>;
}

/**
 * Runs `step` every `periodMs` on the scheduler, each run starting `periodMs` after the last
 * one ended, so runs never overlap and a slow database or node only stretches the period.
 * A run that throws is logged and the next run happens as usual.
 */
export function runEvery(
  scheduler: Scheduler,
  periodMs: number,
  step: () => Promise<unknown>,
  logger: Logger,
): PeriodicStep {
  let timer: TimerHandle | undefined;
  let current: Promise<void> | undefined;
  let stopped = false;
  const arm = (): void => {
    if (stopped) return;
    timer = scheduler.setTimeout(() => {
      timer = undefined;
      current = step().then(
        () => undefined,
        (err: unknown) => logger.error({ err: failureNote(err) }, 'payout step failed'),
      );
      void current.finally(arm);
    }, periodMs);
  };
  arm();
  return {
    async stop() {
      stopped = true;
      scheduler.clear(timer);
      await current;
    },
  };
}
