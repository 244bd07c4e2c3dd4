import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Scheduler } from '../../../runtime/index.js';
import type { ChainSim } from '../chain-sim.js';
import type { RpcFaults, RpcFaultState } from '../rpc-faults.js';
import { COOKIE_USER, newCookieSecret, removeCookie, writeCookie } from './cookie-file.js';
import type { DaemonDialect } from './dialect.js';
import { RpcApp, type RpcHttpReply } from './rpc-app.js';
import { rpcServerError } from './rpc-server-errors.js';

/** How clients prove themselves: `-rpcuser/-rpcpassword`, or bitcoind's cookie file. */
export type RpcServerAuth =
  | { readonly kind: 'password'; readonly user: string; readonly password: string }
  /** `<dir>/.cookie` with a fresh password, deleted on close. `secret` fixes it (tests). */
  | { readonly kind: 'cookie'; readonly dir: string; readonly secret?: string };

export interface ChainRpcServerOptions {
  readonly sim: ChainSim;
  readonly scheduler: Scheduler;
  readonly auth: RpcServerAuth;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port, read back from `port`. */
  readonly port?: number;
  readonly dialect?: DaemonDialect;
  readonly walletName?: string;
  /** Problems outside any one call's answer: a method that threw, a failed re-listen. */
  readonly onError?: (err: unknown) => void;
}

/** bitcoind's MAX_SIZE for a request body; libevent answers 413 past it. */
const MAX_BODY_BYTES = 0x02000000;
/** bitcoind's -rpcservertimeout default: an idle keep-alive connection is closed after it. */
const KEEP_ALIVE_MS = 30_000;

/**
 * The simulator as a daemon: the RPC app on a node:http server. The outage fault closes the
 * port (new connections are refused) and cuts every open connection; when it lifts, the
 * server listens on the same port again.
 */
export class ChainRpcServer {
  readonly app: RpcApp;
  readonly host: string;
  private cookie: string | undefined;
  private boundPort = 0;
  private readonly sockets = new Set<Socket>();
  private readonly inFlight = new Map<AbortController, Promise<void>>();
  private down = false;
  private transition: Promise<void> = Promise.resolve();
  private closed: Promise<void> | undefined;
  private readonly unsubscribe: () => void;

  private constructor(
    private readonly server: Server,
    private readonly opts: ChainRpcServerOptions,
    private readonly credentials: { readonly user: string; readonly password: string },
  ) {
    this.host = opts.host ?? '127.0.0.1';
    this.app = new RpcApp({
      sim: opts.sim,
      scheduler: opts.scheduler,
      credentials: `${credentials.user}:${credentials.password}`,
      ...(opts.dialect === undefined ? {} : { dialect: opts.dialect }),
      ...(opts.walletName === undefined ? {} : { walletName: opts.walletName }),
      ...(opts.onError === undefined ? {} : { onInternalError: opts.onError }),
    });
    this.unsubscribe = this.app.faults.onChange((s) => this.followOutage(s));
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
  }

  static async start(opts: ChainRpcServerOptions): Promise<ChainRpcServer> {
    const port = opts.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw rpcServerError('SIM_RPC_CONFIG', `port must be an integer in 0..65535: ${port}`);
    }
    const { auth } = opts;
    if (auth.kind === 'password' && auth.user.length === 0) {
      throw rpcServerError('SIM_RPC_CONFIG', 'the RPC user name is empty');
    }
    const credentials =
      auth.kind === 'password'
        ? { user: auth.user, password: auth.password }
        : { user: COOKIE_USER, password: auth.secret ?? newCookieSecret() };
    const server = createServer();
    const rpc = new ChainRpcServer(server, opts, credentials);
    try {
      await listen(server, port, rpc.host);
    } catch (err) {
      rpc.unsubscribe();
      rpc.app.close();
      throw err;
    }
    rpc.boundPort = (server.address() as AddressInfo).port;
    try {
      // Written once the port is ours, so a daemon that failed to start leaves no cookie.
      if (auth.kind === 'cookie') rpc.cookie = await writeCookie(auth.dir, credentials.password);
    } catch (err) {
      await rpc.close();
      throw err;
    }
    return rpc;
  }

  /** Where the cookie is, for cookie auth. */
  get cookieFile(): string | undefined {
    return this.cookie;
  }

  get faults(): RpcFaults {
    return this.app.faults;
  }

  get port(): number {
    return this.boundPort;
  }

  /** `http://host:port`, for a client given the cookie file. */
  get url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.boundPort}`;
  }

  /** The URL with the user and password in it (what `chimera pool --node` takes). */
  get urlWithCredentials(): string {
    const { user, password } = this.credentials;
    return this.url.replace(
      '://',
      `://${encodeURIComponent(user)}:${encodeURIComponent(password)}@`,
    );
  }

  /** Calls received and not answered yet: held longpolls, slowed calls. */
  get callsInFlight(): number {
    return this.inFlight.size;
  }

  /** Resolves once the port is as the outage fault says (closed during one, open after). */
  async settled(): Promise<void> {
    await this.transition;
  }

  /**
   * Shuts down as bitcoind does: waiting longpolls and slowed calls answer -9 "Shutting
   * down", then the port and every connection close and the cookie file goes.
   */
  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.unsubscribe();
    this.app.close();
    for (const c of this.inFlight.keys()) c.abort();
    await Promise.all(this.inFlight.values());
    await this.transition;
    if (this.server.listening) {
      const closed = once(this.server, 'close');
      this.server.close();
      this.server.closeAllConnections();
      await closed;
    }
    for (const s of this.sockets) s.destroy();
    if (this.cookie !== undefined) await removeCookie(this.cookie);
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { connection: 'close' }).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const served = this.serve(req, res, body, abort).finally(() => this.inFlight.delete(abort));
      this.inFlight.set(abort, served);
    });
  }

  private async serve(
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
    abort: AbortController,
  ): Promise<void> {
    const reply = await this.app.handle(
      {
        method: req.method ?? '',
        path: req.url ?? '/',
        authorization: req.headers.authorization,
        body,
      },
      abort.signal,
    );
    if (reply === undefined) {
      res.destroy();
      return;
    }
    await write(res, reply);
  }

  private followOutage(s: RpcFaultState): void {
    if (s.outage === this.down) return;
    this.down = s.outage;
    this.transition = this.transition
      .then(() => (s.outage ? this.stopListening() : this.listenAgain()))
      .catch((err: unknown) => this.opts.onError?.(err));
  }

  /** The daemon is gone: refuse new connections, cut the open ones mid-call. */
  private async stopListening(): Promise<void> {
    if (!this.server.listening) return;
    const closed = once(this.server, 'close');
    this.server.close();
    for (const c of this.inFlight.keys()) c.abort();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private async listenAgain(): Promise<void> {
    if (this.server.listening) return;
    await listen(this.server, this.boundPort, this.host);
  }
}

/**
 * Sends the reply; resolves once it has left or its connection died. Then, and only then,
 * faults that would cut the reply's own connection start.
 */
async function write(res: ServerResponse, reply: RpcHttpReply): Promise<void> {
  if (!res.destroyed) {
    const closed = once(res, 'close');
    res.writeHead(reply.status, reply.headers).end(reply.body);
    await closed;
  }
  for (const fn of reply.afterReply) fn();
}

async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening);
      reject(
        rpcServerError('SIM_RPC_LISTEN', `cannot listen on ${host}:${port}: ${err.message}`, {
          errno: (err as NodeJS.ErrnoException).code,
        }),
      );
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
