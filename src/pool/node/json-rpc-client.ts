import { Agent } from 'node:http';
import { ChimeraError } from '../../errors.js';
import type { Scheduler } from '../../runtime/index.js';
import { backoffDelayMs, DEFAULT_BACKOFF, sleep, type BackoffPolicy } from './backoff.js';
import { stringifyExact, type ExactJson } from './exact-json.js';
import { httpPost, PostAborted, type HttpAnswer, type HttpTarget } from './http-post.js';
import { RpcAuth, type RpcCredentials } from './rpc-auth.js';
import { parseRpcUrl } from './rpc-url.js';
import { rpcError } from './rpc-errors.js';
import { answerIdKey, readHttpAnswer, toReply, type RpcReply } from './rpc-reply.js';
import { isRetryable, withDetails } from './retry-policy.js';

export type { RpcReply } from './rpc-reply.js';

export interface JsonRpcClientOptions {
  /** `http://user:pass@127.0.0.1:19332[/wallet/name]`; credentials in the URL are optional. */
  readonly url: string;
  /** Cookie auth instead of URL credentials: `<datadir>/regtest/.cookie`. */
  readonly cookieFile?: string;
  readonly scheduler: Scheduler;
  /** Per attempt. Default 30 s. 0 disables the timeout. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for failures worth retrying. Default 3. */
  readonly retries?: number;
  readonly backoff?: BackoffPolicy;
  /** Default 16: bitcoind's -rpcworkqueue, past which it answers 503 anyway. */
  readonly maxSockets?: number;
  /** Default 256 MiB: a full template of a big block is tens of MB of JSON. */
  readonly maxResponseBytes?: number;
}

export interface RpcCallOptions {
  readonly timeoutMs?: number;
  readonly retries?: number;
  /**
   * Default true. A call that must not run twice (sendmany) is retried only when the request
   * provably never reached the daemon, and goes over a fresh connection, so a keep-alive
   * socket the daemon just closed cannot make its outcome unknown.
   */
  readonly idempotent?: boolean;
  readonly signal?: AbortSignal;
  /** Numbers in the result come back as JsonNumber literals (exact amounts). */
  readonly exactNumbers?: boolean;
  /** Overrides the URL path, e.g. `/wallet/pool` for one wallet of a multi-wallet daemon. */
  readonly path?: string;
}

export interface RpcCall {
  readonly method: string;
  readonly params?: readonly ExactJson[];
}

/**
 * JSON-RPC over HTTP for bitcoind-family daemons, on node:http with a keep-alive Agent of
 * its own: fewer layers than fetch on the block-submit path, sockets reused across calls,
 * and `close()` that really closes them.
 *
 * Transport failures, timeouts and non-JSON-RPC 5xx answers are retried with exponential
 * back-off on the injected Scheduler. A JSON-RPC error is an answer and is never retried,
 * whatever its HTTP status. Retrying `submitblock` is safe: a block that did arrive the first
 * time is answered "duplicate".
 */
export class JsonRpcClient {
  /** The URL without credentials, for logs and error details. */
  readonly endpoint: string;
  private readonly target: HttpTarget;
  private readonly auth: RpcAuth;
  private readonly agent: Agent;
  private nextId = 1;
  private readonly closing = new AbortController();

  constructor(private readonly opts: JsonRpcClientOptions) {
    const parsed = parseRpcUrl(opts.url);
    this.target = parsed.target;
    this.endpoint = parsed.endpoint;
    if (opts.cookieFile !== undefined && parsed.user !== undefined) {
      throw rpcError('RPC_CONFIG', 'give either URL credentials or a cookie file, not both');
    }
    const credentials: RpcCredentials =
      opts.cookieFile !== undefined
        ? { kind: 'cookie', path: opts.cookieFile }
        : parsed.user !== undefined
          ? { kind: 'password', user: parsed.user, password: parsed.password ?? '' }
          : { kind: 'none' };
    this.auth = new RpcAuth(credentials);
    // `timeout` only ever closes idle sockets (the Agent destroys a timed-out socket only
    // when it is free); 15 s stays under bitcoind's 30 s -rpcservertimeout.
    this.agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 16, timeout: 15_000 });
  }

  /** One call; a daemon error is a value (`ok: false`). Throws only when there is no answer. */
  async request(
    method: string,
    params: readonly ExactJson[] = [],
    options: RpcCallOptions = {},
  ): Promise<RpcReply> {
    const id = this.nextId++;
    const body = stringifyExact({ jsonrpc: '1.0', id, method, params });
    const envelope = await this.exchange(method, body, options);
    if (Array.isArray(envelope)) throw badResponse(method, 'a batch answer to a single call');
    return toReply(envelope, id, method);
  }

  /** One call whose daemon error is thrown as RPC_ERROR (code and message in details). */
  async call(
    method: string,
    params: readonly ExactJson[] = [],
    options: RpcCallOptions = {},
  ): Promise<unknown> {
    const reply = await this.request(method, params, options);
    if (reply.ok) return reply.result;
    throw rpcError('RPC_ERROR', `${method}: ${reply.message} (${reply.code})`, {
      method,
      endpoint: this.endpoint,
      rpcCode: reply.code,
      rpcMessage: reply.message,
    });
  }

  /** Several calls in one HTTP request; replies in the order of `calls`. */
  async batch(calls: readonly RpcCall[], options: RpcCallOptions = {}): Promise<RpcReply[]> {
    if (calls.length === 0) return [];
    const ids = calls.map(() => this.nextId++);
    const body = stringifyExact(
      calls.map((c, i) => ({
        jsonrpc: '1.0',
        id: ids[i]!,
        method: c.method,
        params: c.params ?? [],
      })),
    );
    const answers = await this.exchange('batch', body, options);
    if (!Array.isArray(answers)) throw badResponse('batch', 'a single answer to a batch');
    const byId = new Map<string, unknown>();
    for (const a of answers) byId.set(answerIdKey(a), a);
    return calls.map((c, i) => toReply(byId.get(String(ids[i])), ids[i]!, c.method));
  }

  /** Closes the sockets; calls in flight or waiting to retry end with RPC_ABORTED. */
  close(): void {
    this.closing.abort();
    this.agent.destroy();
  }

  private async exchange(method: string, body: string, options: RpcCallOptions): Promise<unknown> {
    const link = linkSignals(options.signal, this.closing.signal);
    try {
      return await this.exchangeUntil(method, body, { ...options, signal: link.signal });
    } finally {
      link.dispose();
    }
  }

  private async exchangeUntil(method: string, body: string, o: RpcCallOptions): Promise<unknown> {
    const idempotent = o.idempotent ?? true;
    const retries = o.retries ?? this.opts.retries ?? 3;
    const policy = this.opts.backoff ?? DEFAULT_BACKOFF;
    let reauthorized = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(method, body, o, idempotent);
      } catch (err) {
        if (
          err instanceof ChimeraError &&
          err.code === 'RPC_UNAUTHORIZED' &&
          !reauthorized &&
          this.auth.usesCookie
        ) {
          reauthorized = true;
          if (await this.auth.refresh().catch(() => false)) {
            attempt--;
            continue;
          }
        }
        if (!isRetryable(err, idempotent) || attempt > retries) {
          throw withDetails(err, { method, endpoint: this.endpoint, attempts: attempt });
        }
        if (!(await sleep(this.opts.scheduler, backoffDelayMs(attempt, policy), o.signal))) {
          throw rpcError('RPC_ABORTED', `${method}: aborted`, { method, endpoint: this.endpoint });
        }
      }
    }
  }

  private async attempt(
    method: string,
    body: string,
    o: RpcCallOptions,
    idempotent: boolean,
  ): Promise<unknown> {
    const authorization = await this.auth.header();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers['authorization'] = authorization;
    if (!idempotent) headers['connection'] = 'close';
    const timeoutMs = o.timeoutMs ?? this.opts.timeoutMs ?? 30_000;
    const ac = new AbortController();
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? this.opts.scheduler.setTimeout(() => {
            timedOut = true;
            ac.abort();
          }, timeoutMs)
        : undefined;
    const onCallerAbort = (): void => ac.abort();
    if (o.signal?.aborted) ac.abort();
    o.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let answer: HttpAnswer;
    try {
      answer = await httpPost({ ...this.target, path: o.path ?? this.target.path }, body, {
        agent: idempotent ? this.agent : false,
        headers,
        signal: ac.signal,
        maxResponseBytes: this.opts.maxResponseBytes ?? 256 * 1024 * 1024,
      });
    } catch (err) {
      if (!(err instanceof PostAborted)) throw err;
      throw timedOut
        ? rpcError('RPC_TIMEOUT', `${method}: no answer within ${timeoutMs} ms`, { timeoutMs })
        : rpcError('RPC_ABORTED', `${method}: aborted`);
    } finally {
      this.opts.scheduler.clear(timer);
      o.signal?.removeEventListener('abort', onCallerAbort);
    }
    return readHttpAnswer(answer, method, o.exactNumbers ?? false);
  }
}

/**
 * One signal that aborts when either does. Listeners are removed on dispose, so a
 * long-lived signal (the client's own) gathers none.
 */
function linkSignals(
  a: AbortSignal | undefined,
  b: AbortSignal,
): { signal: AbortSignal; dispose: () => void } {
  const ac = new AbortController();
  const abort = (): void => ac.abort();
  if (a?.aborted || b.aborted) ac.abort();
  a?.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return {
    signal: ac.signal,
    dispose: () => {
      a?.removeEventListener('abort', abort);
      b.removeEventListener('abort', abort);
    },
  };
}

function badResponse(method: string, what: string): ChimeraError {
  return rpcError('RPC_BAD_RESPONSE', `${method}: ${what}`, { method });
}
