/**
 * A token bucket on a caller's clock: `ratePerSecond` tokens refill continuously up to
 * `burst`; each take spends one. Floating point is fine here: this is a rate, not money.
 */
export interface TokenBucketConfig {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export class TokenBucket {
  #tokens: number;
  #lastMs: number;
  readonly #perMs: number;
  readonly #burst: number;

  constructor(config: TokenBucketConfig, nowMs: number) {
    this.#perMs = config.ratePerSecond / 1000;
    this.#burst = config.burst;
    this.#tokens = config.burst;
    this.#lastMs = nowMs;
  }

  get tokens(): number {
    return this.#tokens;
  }

  /** Spends a token when one is there; time going backwards refills nothing. */
  take(nowMs: number): boolean {
    const elapsed = nowMs - this.#lastMs;
    if (elapsed > 0) {
      this.#tokens = Math.min(this.#burst, this.#tokens + elapsed * this.#perMs);
      this.#lastMs = nowMs;
    }
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
