import { Agent, request } from 'node:http';
import { rpcError } from './rpc-errors.js';

export interface HttpTarget {
  readonly hostname: string;
  readonly port: number;
  readonly path: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

export interface PostOptions {
  readonly agent: Agent | false;
  readonly headers: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
  readonly maxResponseBytes: number;
}

/** Thrown when the signal aborts the request; the caller knows why it aborted. */
export class PostAborted extends Error {
  constructor() {
    super('request aborted');
    this.name = 'PostAborted';
  }
}

/**
 * One HTTP POST over node:http. Rejects with PostAborted when the signal fires, and with
 * RPC_UNREACHABLE on any transport failure; `details.requestSent` is false only when the
 * body never fully left this process, i.e. the daemon cannot have acted on it.
 */
export function httpPost(target: HttpTarget, body: string, opts: PostOptions): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    if (opts.signal.aborted) {
      reject(new PostAborted());
      return;
    }
    let requestSent = false;
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      opts.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const req = request({
      hostname: target.hostname,
      port: target.port,
      path: target.path,
      method: 'POST',
      agent: opts.agent,
      headers: { ...opts.headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    const onAbort = (): void => {
      settle(() => reject(new PostAborted()));
      req.destroy();
    };
    const fail = (err: Error): void =>
      settle(() =>
        reject(
          rpcError('RPC_UNREACHABLE', `${hostPort(target)}: ${err.message}`, {
            errno: (err as NodeJS.ErrnoException).code,
            requestSent,
          }),
        ),
      );
    opts.signal.addEventListener('abort', onAbort, { once: true });
    req.on('finish', () => {
      requestSent = true;
    });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxResponseBytes) {
          settle(() =>
            reject(
              rpcError('RPC_BAD_RESPONSE', `answer larger than ${opts.maxResponseBytes} bytes`, {
                status: res.statusCode,
              }),
            ),
          );
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(new Error('connection closed mid-answer'));
      });
      res.on('end', () =>
        settle(() =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        ),
      );
    });
    req.end(body);
  });
}

function hostPort(t: HttpTarget): string {
  return `${t.hostname}:${t.port}`;
}
