import { chmod, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from 'pino';
import { ChimeraError } from '../../errors.js';
import type { NetworkSwitcher, SwitchOutcome } from './network-switcher.js';

/** What an operator asks the running pool over its control socket, one JSON line each. */
export type ControlRequest =
  | { readonly cmd: 'status' }
  | {
      readonly cmd: 'switch';
      readonly to: string;
      readonly actor: string;
      readonly reason?: string;
    }
  | { readonly cmd: 'rollback'; readonly actor: string; readonly reason?: string };

export type ControlReply =
  | { readonly ok: true; readonly status: ControlStatus }
  | { readonly ok: true; readonly outcome: SwitchOutcome }
  | { readonly ok: false; readonly error: string };

export interface ControlStatus {
  readonly current: string;
  readonly switching: boolean;
  readonly networks: readonly string[];
  /** Live sessions per network. */
  readonly sessions: Readonly<Record<string, number>>;
}

export interface ControlDeps {
  readonly switcher: NetworkSwitcher;
  readonly networks: readonly string[];
  readonly sessions: () => ReadonlyMap<string, number>;
  readonly logger: Logger;
}

const MAX_LINE = 4096;

/** Reads one request line; undefined (with why) when it is not one. */
export function parseControlRequest(line: string): ControlRequest | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (typeof v !== 'object' || v === null) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  const text = (k: string): string | undefined => (typeof o[k] === 'string' ? o[k] : undefined);
  const actor = text('actor');
  const reason = text('reason');
  switch (o['cmd']) {
    case 'status':
      return { cmd: 'status' };
    case 'switch': {
      const to = text('to');
      if (to === undefined || actor === undefined) return 'switch needs "to" and "actor"';
      return reason === undefined
        ? { cmd: 'switch', to, actor }
        : { cmd: 'switch', to, actor, reason };
    }
    case 'rollback':
      if (actor === undefined) return 'rollback needs "actor"';
      return reason === undefined ? { cmd: 'rollback', actor } : { cmd: 'rollback', actor, reason };
    default:
      return 'cmd must be status, switch or rollback';
  }
}

/** Answers one request against the pool's switcher. Never throws. */
export async function answerControl(
  request: ControlRequest,
  deps: ControlDeps,
): Promise<ControlReply> {
  try {
    if (request.cmd === 'status') {
      return {
        ok: true,
        status: {
          current: deps.switcher.current,
          switching: deps.switcher.switching,
          networks: deps.networks,
          sessions: Object.fromEntries(deps.sessions()),
        },
      };
    }
    const asked = {
      actor: request.actor,
      ...(request.reason === undefined ? {} : { reason: request.reason }),
    };
    deps.logger.info({ request }, 'control request');
    const outcome =
      request.cmd === 'switch'
        ? await deps.switcher.switchTo(request.to, asked)
        : await deps.switcher.rollback(asked);
    return { ok: true, outcome };
  } catch (err) {
    return {
      ok: false,
      error: err instanceof ChimeraError || err instanceof Error ? err.message : String(err),
    };
  }
}

/**
 * The pool's control socket: a Unix socket (mode 0600, so only the pool's user may switch
 * networks) that takes one JSON request per line and answers one JSON line each. A switch is
 * answered when it completed or rolled back.
 */
export async function listenControl(
  path: string,
  deps: ControlDeps,
): Promise<{ close(): Promise<void> }> {
  await rm(path, { force: true });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_LINE && !buffer.includes('\n')) {
        socket.end(`${JSON.stringify({ ok: false, error: 'line too long' })}\n`);
        return;
      }
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        const request = parseControlRequest(line);
        const answered =
          typeof request === 'string'
            ? Promise.resolve<ControlReply>({ ok: false, error: request })
            : answerControl(request, deps);
        void answered.then((reply) => {
          if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
        });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await chmod(path, 0o600);
  return {
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}
