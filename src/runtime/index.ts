export { wallClock, monotonicMs, type Clock } from './clock.js';
export { WallScheduler, type Scheduler, type TimerHandle } from './scheduler.js';
export { VirtualTime } from './virtual-time.js';
export { createRng, type Rng } from './rng.js';
