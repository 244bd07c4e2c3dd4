import type { SessionPolicy } from './config.js';
import type { ShareRejectReason } from './ports.js';
import type { CloseReason } from './session-actions.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Rejections an honest miner also gets: stale and unknown jobs after a block or a restart,
 * rate limiting while vardiff catches up with a fast miner at a low start difficulty.
 * They never count towards a ban.
 */
const HONEST: ReadonlySet<ShareRejectReason> = new Set<ShareRejectReason>([
  'stale-job',
  'unknown-job',
  'rate-limited',
]);

/**
 * Abuse accounting for one session: the submit rate limit and the counts that end in a
 * ban. Invalid shares are judged in windows of ban.minShares judged shares (as NOMP does):
 * at the end of each window, an invalid fraction at or above ban.invalidPercent bans.
 */
export class SessionGuard {
  readonly #bucket: TokenBucket;
  #judged = 0;
  #invalid = 0;
  #protocolErrors = 0;
  #failedLogins = 0;

  constructor(
    private readonly policy: SessionPolicy,
    nowMs: number,
  ) {
    this.#bucket = new TokenBucket(policy.submitRate, nowMs);
  }

  allowSubmit(nowMs: number): boolean {
    return this.#bucket.take(nowMs);
  }

  /** Counts a judged share; returns the ban reason when this share tips the window. */
  judged(reason: ShareRejectReason | undefined): CloseReason | undefined {
    if (reason !== undefined && HONEST.has(reason)) return undefined;
    this.#judged++;
    if (reason !== undefined) this.#invalid++;
    const { minShares, invalidPercent } = this.policy.ban;
    if (this.#judged < minShares) return undefined;
    const banned = this.#invalid * 100 >= invalidPercent * this.#judged;
    this.#judged = 0;
    this.#invalid = 0;
    return banned ? 'invalid-shares' : undefined;
  }

  protocolError(): CloseReason | undefined {
    this.#protocolErrors++;
    return this.#protocolErrors >= this.policy.ban.maxProtocolErrors ? 'protocol-abuse' : undefined;
  }

  failedLogin(): CloseReason | undefined {
    this.#failedLogins++;
    return this.#failedLogins >= this.policy.ban.maxFailedLogins ? 'failed-logins' : undefined;
  }
}
