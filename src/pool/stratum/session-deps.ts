import type { Logger } from 'pino';
import type { ShareHasher } from '../core/shares/validate-share.js';
import type { JobSource } from '../jobs/types.js';
import type { SessionPolicy } from './config.js';
import type { StratumCounters } from './counters.js';
import type { NotifyLines } from './notify-lines.js';
import type { ExtranonceAllocator } from './ports.js';
import type { SeenShares } from './seen-shares.js';

/**
 * The network a session mines for: its rules (difficulty, share rules, network name), its
 * jobs and its proof of work. A server serves one network by default; a hot switch moves
 * sessions to another (StratumSession.rebind).
 */
export interface NetworkBinding {
  readonly policy: SessionPolicy;
  readonly jobs: JobSource;
  readonly hasher: ShareHasher;
  readonly notifyLines: NotifyLines;
}

/** Everything a session shares with the others of its server; built once per server. */
export interface SessionDeps extends NetworkBinding {
  readonly extranonces: ExtranonceAllocator;
  readonly seen: SeenShares;
  readonly counters: StratumCounters;
  /** A child logger for this session (the server binds the peer to it). */
  readonly logger: Logger;
}
