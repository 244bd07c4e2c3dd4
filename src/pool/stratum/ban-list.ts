/** Remote addresses refused until a time on the pool's clock. */
export class BanList {
  readonly #until = new Map<string, number>();

  get size(): number {
    return this.#until.size;
  }

  /** Bans `ip` until `untilMs`; a longer existing ban is kept. */
  ban(ip: string, untilMs: number): void {
    const current = this.#until.get(ip);
    if (current === undefined || current < untilMs) this.#until.set(ip, untilMs);
  }

  isBanned(ip: string, nowMs: number): boolean {
    const until = this.#until.get(ip);
    if (until === undefined) return false;
    if (nowMs < until) return true;
    this.#until.delete(ip);
    return false;
  }

  /** Forgets expired bans (called from the server's sweep so the map stays small). */
  prune(nowMs: number): void {
    for (const [ip, until] of this.#until) if (until <= nowMs) this.#until.delete(ip);
  }
}
