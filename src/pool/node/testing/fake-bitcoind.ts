import { EventEmitter, once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseExact, stringifyExact, type ExactJson } from '../exact-json.js';
import { FakeChain } from './fake-chain.js';
import { answerCall, type FakeAnswer, type FakeNodeState } from './fake-rpc-methods.js';
import { loadGbtVector } from './gbt-vectors.js';

export type FakeAuth =
  | { readonly user: string; readonly password: string }
  | { readonly cookieFile: string; readonly password: string };

export interface FakeBitcoindOptions {
  /** A real getblocktemplate answer (vectors/gbt); default litecoind 0.21 at height 102. */
  readonly template?: Readonly<Record<string, unknown>>;
  /** Rules getblocktemplate insists on; default litecoind's `mweb`, `segwit`. */
  readonly rules?: readonly string[];
  readonly chainName?: string;
  readonly coinName?: string;
  readonly auth?: FakeAuth;
  /** Share one chain between several fakes: daemons of one network. */
  readonly chain?: FakeChain;
  readonly balanceSats?: bigint;
  /** Default true; false makes a daemon that ignores longpollid. */
  readonly longPoll?: boolean;
}

export interface RecordedCall {
  readonly method: string;
  readonly params: readonly unknown[];
  /** The request body as sent, to check literal amounts. */
  readonly body: string;
  readonly path: string;
}

/**
 * A bitcoind-like JSON-RPC server on 127.0.0.1 for tests: real answers and statuses (errors as
 * HTTP 500/404 with a JSON body, 401 with an empty one), batches, longpoll, cookie auth, and
 * switches for the ways daemons fail (`hang`, `down`, `failNext`).
 */
export class FakeBitcoind {
  readonly calls: RecordedCall[] = [];
  /** Every HTTP request, including refused (401) and failed (`failNext`) ones. */
  httpRequests = 0;
  /** Every TCP connection accepted, including those `down` drops. */
  connections = 0;
  readonly state: FakeNodeState;
  /** `hang`: read requests, never answer. `down`: drop every connection on accept. */
  mode: 'normal' | 'hang' | 'down' = 'normal';
  private failures: { status: number; body: string }[] = [];
  private longPolls: { id: ExactJson; res: ServerResponse }[] = [];
  private readonly events = new EventEmitter();
  private expectedAuth: string | undefined;
  private readonly unsubscribe: () => void;

  private constructor(
    private readonly server: Server,
    private readonly opts: FakeBitcoindOptions,
  ) {
    const chain =
      opts.chain ?? FakeChain.fromTemplate(opts.template ?? loadGbtVector('litecoind-0.21-h102'));
    this.unsubscribe = chain.onChange(() => this.releaseLongPolls());
    this.state = {
      chain,
      chainName: opts.chainName ?? 'regtest',
      coinName: opts.coinName ?? 'Litecoin',
      honoursLongPoll: opts.longPoll ?? true,
      rules: opts.rules ?? ['mweb', 'segwit'],
      balanceSats: opts.balanceSats ?? 50n * 100_000_000n,
      payments: [],
      submitVerdicts: [],
      isValidAddress: (a) => /^(?:rltc1|bcrt1)[02-9ac-hj-np-z]{20,80}$/.test(a),
    };
    this.expectedAuth = opts.auth && basic(opts.auth);
  }

  static async start(opts: FakeBitcoindOptions = {}): Promise<FakeBitcoind> {
    const server = createServer();
    const fake = new FakeBitcoind(server, opts);
    if (opts.auth && 'cookieFile' in opts.auth) await fake.rotateCookie(opts.auth.password);
    server.on('connection', (socket: Socket) => {
      fake.connections++;
      if (fake.mode === 'down') socket.destroy();
    });
    server.on('request', (req, res) => fake.onRequest(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The RPC URL, with the user and password when the fake uses password auth. */
  get url(): string {
    const a = this.opts.auth;
    const creds =
      a && 'user' in a ? `${encodeURIComponent(a.user)}:${encodeURIComponent(a.password)}@` : '';
    return `http://${creds}127.0.0.1:${this.port}`;
  }

  get chain(): FakeChain {
    return this.state.chain;
  }

  /** The next `count` requests get this status and a plain-text body (not JSON-RPC). */
  failNext(count: number, status = 503, body = 'Work queue depth exceeded'): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, body });
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls of `method` have arrived (answered or not). */
  async waitForCalls(method: string, count: number): Promise<void> {
    while (this.callsOf(method).length < count) await once(this.events, 'call');
  }

  /** Mines a block on the tip and answers every longpoll waiting on the old one. */
  mineBlock(): string {
    return this.chain.mine().hash;
  }

  /** A new mempool transaction: longpolls return, the tip stays. */
  addTransaction(): void {
    this.chain.bumpTransactions();
  }

  /** What a daemon restart does to its cookie: a new password in the same file. */
  async rotateCookie(password: string): Promise<void> {
    const a = this.opts.auth;
    if (!a || !('cookieFile' in a)) throw new Error('rotateCookie needs cookie auth');
    await writeFile(a.cookieFile, `__cookie__:${password}`);
    this.expectedAuth = basic({ user: '__cookie__', password });
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.longPolls = [];
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    this.httpRequests++;
    if (this.expectedAuth !== undefined && req.headers.authorization !== this.expectedAuth) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="jsonrpc"' }).end();
      return;
    }
    let parsed: unknown;
    try {
      parsed = parseExact(body);
    } catch {
      this.reply(res, 500, {
        result: null,
        error: { code: -32700, message: 'Parse error' },
        id: null,
      });
      return;
    }
    const requests = Array.isArray(parsed) ? parsed : [parsed];
    for (const r of requests) this.record(r, body, req.url ?? '/');
    const failure = this.failures.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'text/plain' }).end(failure.body);
      return;
    }
    if (this.mode === 'hang') return;
    if (!Array.isArray(parsed)) {
      this.single(res, parsed);
      return;
    }
    const answers = parsed.map((r) => {
      const a = this.answer(r);
      return envelope(
        'waitForLongPoll' in a ? { error: { code: -1, message: 'no longpoll in batch' } } : a,
        idOf(r),
      );
    });
    this.reply(res, 200, answers);
  }

  private single(res: ServerResponse, request: unknown): void {
    const id = idOf(request);
    const a = this.answer(request);
    if ('waitForLongPoll' in a) {
      this.longPolls.push({ id, res });
      return;
    }
    const status =
      'error' in a ? (a.error.code === -32601 ? 404 : a.error.code === -32600 ? 400 : 500) : 200;
    this.reply(res, status, envelope(a, id));
  }

  private answer(request: unknown): FakeAnswer {
    const r = (typeof request === 'object' && request !== null ? request : {}) as Record<
      string,
      unknown
    >;
    const method = r['method'];
    const params = Array.isArray(r['params']) ? (r['params'] as unknown[]) : [];
    if (typeof method !== 'string')
      return { error: { code: -32600, message: 'Method must be a string' } };
    return answerCall(this.state, method, params);
  }

  private record(request: unknown, body: string, path: string): void {
    const r = (typeof request === 'object' && request !== null ? request : {}) as Record<
      string,
      unknown
    >;
    const method = typeof r['method'] === 'string' ? r['method'] : '';
    this.calls.push({
      method,
      params: Array.isArray(r['params']) ? (r['params'] as unknown[]) : [],
      body,
      path,
    });
    this.events.emit('call');
  }

  private releaseLongPolls(): void {
    const waiting = this.longPolls;
    this.longPolls = [];
    for (const w of waiting) {
      if (!w.res.destroyed)
        this.reply(w.res, 200, envelope({ result: this.chain.template() as ExactJson }, w.id));
    }
  }

  private reply(res: ServerResponse, status: number, body: ExactJson): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(`${stringifyExact(body)}\n`);
  }
}

function envelope(a: Exclude<FakeAnswer, { waitForLongPoll: true }>, id: ExactJson): ExactJson {
  return 'error' in a
    ? { result: null, error: a.error, id }
    : { result: a.result, error: null, id };
}

function idOf(request: unknown): ExactJson {
  if (typeof request !== 'object' || request === null) return null;
  return ((request as Record<string, unknown>)['id'] ?? null) as ExactJson;
}

function basic(auth: FakeAuth): string {
  const user = 'user' in auth ? auth.user : '__cookie__';
  return `Basic ${Buffer.from(`${user}:${auth.password}`).toString('base64')}`;
}
