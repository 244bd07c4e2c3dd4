import type { RequestId, RpcError } from '../../../pool/stratum/codec/index.js';

/** What came back for one request. */
export type Reply =
  | { readonly kind: 'result'; readonly result: unknown; readonly error: RpcError | undefined }
  /** The connection ended first. */
  | { readonly kind: 'unanswered' };

interface Waiting {
  readonly method: string;
  readonly resolve: (reply: Reply) => void;
  readonly answeredAt: ((atMs: number) => void) | undefined;
}

/**
 * Requests waiting for their answer. Answers are matched by id and, among requests sharing
 * an id (cpuminer's submits all use 4; lines the pool could not read are answered with
 * null), oldest first: a Stratum server answers one connection's requests in order.
 */
export class PendingRequests {
  readonly #byId = new Map<string, Waiting[]>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** `answeredAt` gets the time the answer was read, when the answer says it. */
  wait(id: RequestId, method: string, answeredAt?: (atMs: number) => void): Promise<Reply> {
    return new Promise((resolve) => {
      const key = keyOf(id);
      const queue = this.#byId.get(key);
      const waiting: Waiting = { method, resolve, answeredAt };
      if (queue === undefined) this.#byId.set(key, [waiting]);
      else queue.push(waiting);
      this.#size++;
    });
  }

  /** Settles the oldest request with this id; false when none waits for it. */
  answer(
    id: RequestId,
    result: unknown,
    error: RpcError | undefined,
    receivedAtMs?: number,
  ): boolean {
    const key = keyOf(id);
    const queue = this.#byId.get(key);
    const waiting = queue?.shift();
    if (waiting === undefined) return false;
    if (queue!.length === 0) this.#byId.delete(key);
    this.#size--;
    if (receivedAtMs !== undefined) waiting.answeredAt?.(receivedAtMs);
    waiting.resolve({ kind: 'result', result, error });
    return true;
  }

  /** The connection is gone: everything still waiting is unanswered. */
  abandonAll(): void {
    const all = [...this.#byId.values()].flat();
    this.#byId.clear();
    this.#size = 0;
    for (const w of all) w.resolve({ kind: 'unanswered' });
  }
}

function keyOf(id: RequestId): string {
  return id === null ? 'null' : `${typeof id}:${id}`;
}
