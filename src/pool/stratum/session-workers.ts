import type { AuthorizeRequest } from './codec/messages.js';

export interface WorkerLogin {
  readonly address: string;
  /** '' for a bare-address login. */
  readonly worker: string;
}

/**
 * The logins authorized on one connection (a proxy or a farm controller brings several),
 * and the ones still being checked. Both count towards the cap, so a miner cannot queue
 * unlimited checks against the validator.
 */
export class SessionWorkers {
  readonly #logins = new Map<string, WorkerLogin>();
  #pending = 0;

  constructor(private readonly max: number) {}

  get size(): number {
    return this.#logins.size;
  }

  /** The login a submit names, exactly as it was authorized. */
  get(username: string): WorkerLogin | undefined {
    return this.#logins.get(username);
  }

  names(): string[] {
    return [...this.#logins.keys()];
  }

  /** What to do with an authorize: answer at once, refuse for the cap, or check it. */
  begin(username: string): 'known' | 'full' | 'check' {
    if (this.#logins.has(username)) return 'known';
    if (this.#logins.size + this.#pending >= this.max) return 'full';
    this.#pending++;
    return 'check';
  }

  settle(request: AuthorizeRequest, ok: boolean): void {
    this.#pending--;
    if (ok) {
      this.#logins.set(request.username, {
        address: request.address,
        worker: request.worker ?? '',
      });
    }
  }
}
