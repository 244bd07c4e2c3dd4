import { timingSafeEqual } from 'node:crypto';
import { parseExact, stringifyExact, type ExactJson } from '../../../pool/node/exact-json.js';
import type { Scheduler } from '../../../runtime/index.js';
import type { ChainSim } from '../chain-sim.js';
import { LongPolls } from '../long-poll.js';
import { RpcFaults } from '../rpc-faults.js';
import { dialectFor, type DaemonDialect } from './dialect.js';
import { Dispatcher, type RpcCall } from './dispatch.js';
import {
  answerStatus,
  isNotification,
  parseRequest,
  replyObject,
  type Answer,
  type RequestHead,
} from './envelope.js';
import { failure, RPC_CODE, type RpcOutcome } from './outcome.js';
import { isRecord } from './params.js';

/** An HTTP request as the RPC app sees it: no sockets, so tests need no port. */
export interface RpcHttpRequest {
  readonly method: string;
  /** The request target, e.g. `/` or `/wallet/pool`. */
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface RpcHttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** To run once the reply is written (faults that would cut the reply's own connection). */
  readonly afterReply: readonly (() => void)[];
}

export interface RpcAppOptions {
  readonly sim: ChainSim;
  readonly scheduler: Scheduler;
  /** `user:password` that Basic authorization must carry (the cookie file's line for cookies). */
  readonly credentials: string;
  /** Default: by coin (dialectFor). */
  readonly dialect?: DaemonDialect;
  /** The wallet's name for `/wallet/<name>`. Default '' (bitcoind's default wallet). */
  readonly walletName?: string;
  /** Told of a method that threw (a bug); the call itself answers -1 as bitcoind would. */
  readonly onInternalError?: (err: unknown) => void;
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;
// bitcoind's request id starts as null; only a parsed request without an id key has none.
const PARSE_HEAD: RequestHead = { id: null, version: 'legacy' };

/**
 * bitcoind's HTTP JSON-RPC front (httprpc.cpp) over the simulator, as a function from request
 * to reply: routing (`/` and `/wallet/<name>`, else 404), POST only (405), Basic auth (401 with
 * an empty body), parse errors, single calls with bitcoind's HTTP statuses, batches, and
 * JSON-RPC 2.0 where the dialect has it. The HTTP server and the outage fault live in
 * rpc-server.ts; `inject` serves tests without a port.
 */
export class RpcApp {
  readonly faults: RpcFaults;
  readonly dialect: DaemonDialect;
  /** Every method that threw, for tests to find empty; also passed to onInternalError. */
  readonly internalErrors: unknown[] = [];
  private readonly longPolls: LongPolls;
  private readonly dispatcher: Dispatcher;
  private readonly expected: Buffer;
  private closing = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: RpcAppOptions) {
    this.dialect = opts.dialect ?? dialectFor(opts.sim.coin);
    this.faults = new RpcFaults(opts.scheduler);
    this.longPolls = new LongPolls(opts.sim, opts.scheduler);
    this.expected = Buffer.from(opts.credentials, 'utf8');
    // A lifted stall lets held longpolls look at the tip again.
    this.unsubscribe = this.faults.onChange(() => this.longPolls.recheck());
    this.dispatcher = new Dispatcher({
      sim: opts.sim,
      scheduler: opts.scheduler,
      faults: this.faults,
      longPolls: this.longPolls,
      dialect: this.dialect,
      ...(opts.walletName === undefined ? {} : { walletName: opts.walletName }),
      closing: () => this.closing,
    });
  }

  /** The reply, or undefined when nothing is to be sent (its connection is gone). */
  async handle(req: RpcHttpRequest, signal: AbortSignal): Promise<RpcHttpReply | undefined> {
    const route = routeOf(req.path);
    if (route === undefined) return plain(404, '');
    if (req.method !== 'POST') return plain(405, 'JSONRPC server handles only POST requests');
    if (!this.authorized(req.authorization)) {
      return {
        status: 401,
        headers: { 'www-authenticate': 'Basic realm="jsonrpc"' },
        body: '',
        afterReply: [],
      };
    }
    let parsed: unknown;
    try {
      parsed = parseExact(req.body);
    } catch {
      return this.single(failure(RPC_CODE.PARSE_ERROR, 'Parse error'), PARSE_HEAD);
    }
    if (Array.isArray(parsed)) return this.batch(parsed, route.wallet, signal);
    if (!isRecord(parsed)) {
      return this.single(failure(RPC_CODE.PARSE_ERROR, 'Top-level object parse error'), PARSE_HEAD);
    }
    const request = parseRequest(parsed, this.dialect);
    if (!request.ok) return this.single(request.error, request.head);
    const outcome = await this.call(request.call, route.wallet, signal);
    if (outcome.kind === 'dropped') return undefined;
    if (isNotification(request.head)) return { ...plain(204, ''), afterReply: after(outcome) };
    return this.single(outcome, request.head);
  }

  /** A request as a test would send it: POST to `/` with the right credentials by default. */
  inject(
    req: Omit<Partial<RpcHttpRequest>, 'body'> & { readonly body: string | ExactJson },
  ): Promise<RpcHttpReply | undefined> {
    const body = typeof req.body === 'string' ? req.body : stringifyExact(req.body);
    const authorization =
      'authorization' in req ? req.authorization : `Basic ${this.expected.toString('base64')}`;
    return this.handle(
      { method: req.method ?? 'POST', path: req.path ?? '/', authorization, body },
      new AbortController().signal,
    );
  }

  /** Shutting down: held longpolls answer -9 "Shutting down", as bitcoind's do. */
  close(): void {
    this.closing = true;
    this.unsubscribe();
    this.longPolls.close();
  }

  private async batch(
    requests: readonly unknown[],
    wallet: string | undefined,
    signal: AbortSignal,
  ): Promise<RpcHttpReply | undefined> {
    const answers: ExactJson[] = [];
    const afterReply: (() => void)[] = [];
    // One after the other, as JSONRPCExecBatch runs them; errors stay inside the batch.
    for (const r of requests) {
      const request = parseRequest(r, this.dialect);
      if (!request.ok) {
        answers.push(replyObject(request.error, request.head, this.dialect));
        continue;
      }
      const outcome = await this.call(request.call, wallet, signal);
      if (outcome.kind === 'dropped') return undefined;
      afterReply.push(...after(outcome));
      if (!isNotification(request.head))
        answers.push(replyObject(outcome, request.head, this.dialect));
    }
    if (answers.length === 0 && requests.length > 0) return { ...plain(204, ''), afterReply };
    return { status: 200, headers: JSON_HEADERS, body: `${stringifyExact(answers)}\n`, afterReply };
  }

  /** bitcoind answers any exception inside a method as -1 with its text; so does this. */
  private async call(
    call: RpcCall,
    wallet: string | undefined,
    signal: AbortSignal,
  ): Promise<RpcOutcome> {
    try {
      return await this.dispatcher.call(call, wallet, signal);
    } catch (err) {
      this.internalErrors.push(err);
      this.opts.onInternalError?.(err);
      return failure(RPC_CODE.MISC_ERROR, err instanceof Error ? err.message : String(err));
    }
  }

  private single(answer: Answer, head: RequestHead): RpcHttpReply {
    return {
      status: answerStatus(answer, head),
      headers: JSON_HEADERS,
      body: `${stringifyExact(replyObject(answer, head, this.dialect))}\n`,
      afterReply: after(answer),
    };
  }

  private authorized(header: string | undefined): boolean {
    if (header === undefined || !header.startsWith('Basic ')) return false;
    const given = Buffer.from(header.slice(6).trim(), 'base64');
    return given.length === this.expected.length && timingSafeEqual(given, this.expected);
  }
}

/** `/` or `/wallet/<name>` (the wallet name URL-decoded); anything else has no handler. */
function routeOf(target: string): { readonly wallet: string | undefined } | undefined {
  const path = target.split('?')[0] ?? '';
  if (path === '/') return { wallet: undefined };
  if (!path.startsWith('/wallet/')) return undefined;
  const raw = path.slice('/wallet/'.length);
  try {
    return { wallet: decodeURIComponent(raw) };
  } catch {
    return { wallet: raw };
  }
}

function after(answer: Answer): readonly (() => void)[] {
  return answer.kind === 'result' && answer.afterReply !== undefined ? [answer.afterReply] : [];
}

function plain(status: number, body: string): RpcHttpReply {
  return {
    status,
    headers: body === '' ? {} : { 'content-type': 'text/plain' },
    body,
    afterReply: [],
  };
}
