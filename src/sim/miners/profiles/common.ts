import type { ReconnectPolicy } from '../client/backoff.js';
import type { HardwareProfile } from './types.js';

/** Hashrate units, in hashes per second. */
export const TH = 1e12;
export const GH = 1e9;
export const MH = 1e6;
export const KH = 1e3;

/** cgminer family: retries a dead pool on a growing wait; bmminer inherits it. */
export const CGMINER_RECONNECT: ReconnectPolicy = {
  initialMs: 5_000,
  maxMs: 60_000,
  factor: 2,
  jitter: 0.2,
};

/** pooler's cpuminer: --retry-pause defaults to 30 s (opt_fail_pause), without growth. */
export const CPUMINER_RECONNECT: ReconnectPolicy = {
  initialMs: 30_000,
  maxMs: 30_000,
  factor: 1,
  jitter: 0,
};

/** BIP 310's mask as cgminer 4.10+ (and bmminer) request it: bits 13..28 (BIP 320). */
export const BIP320_ROLLING = { mask: 0x1fffe000, minBitCount: 2 } as const;

/** What a profile takes from its firmware rather than its hardware. */
export type Firmware = Pick<HardwareProfile, 'userAgent' | 'connect' | 'reconnect' | 'quirks'>;

/** Bitmain's stock firmware (bmminer, its cgminer fork): next_diff applied at the notify. */
export const BMMINER: Firmware = {
  userAgent: 'bmminer/2.0.0',
  connect: { latencyMs: 60, jitterMs: 30 },
  reconnect: CGMINER_RECONNECT,
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
};

/** sgminer, the cgminer fork GPU miners run. */
export const SGMINER: Firmware = {
  userAgent: 'sgminer/5.6.1',
  connect: { latencyMs: 50, jitterMs: 30 },
  reconnect: CGMINER_RECONNECT,
  quirks: { difficultyTiming: 'next-notify', requestIds: 'sequential' },
};

/** pooler's cpuminer; how far the machine is from the pool is the profile's own. */
export const CPUMINER: Omit<Firmware, 'connect'> = {
  userAgent: 'cpuminer/2.5.1',
  reconnect: CPUMINER_RECONNECT,
  quirks: { difficultyTiming: 'next-notify', requestIds: 'cpuminer' },
};
