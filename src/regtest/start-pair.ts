import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ChimeraError } from '../errors.js';
import type { Scheduler } from '../runtime/index.js';
import { freePorts } from './free-ports.js';
import { startLitecoind, type Litecoind } from './litecoind.js';
import { newRpcCredentials } from './rpc-credentials.js';

export interface PairSpec {
  readonly binary: string;
  readonly scheduler: Scheduler;
  /** An empty directory for both daemons. */
  readonly dir: string;
  readonly mweb: boolean;
  readonly extraArgs: readonly string[];
  readonly readyTimeoutMs: number;
  readonly stopGraceMs: number;
  readonly logger?: Logger | undefined;
}

/** The node under test (wallet) and the peer it needs before litecoind serves templates. */
export interface DaemonPair {
  readonly node: Litecoind;
  readonly peer: Litecoind;
}

const BIND_ATTEMPTS = 3;

/**
 * Starts both daemons at once (the node's -connect retries until the peer listens). Ports are
 * free when asked for but may be taken before the daemon binds them: a start that fails to
 * bind is tried again on fresh ports, in a fresh directory.
 */
export async function startPair(spec: PairSpec): Promise<DaemonPair> {
  for (let attempt = 1; ; attempt++) {
    const dir = join(spec.dir, `attempt-${attempt}`);
    try {
      return await startPairOnce(spec, dir);
    } catch (err) {
      if (attempt >= BIND_ATTEMPTS || !isBindFailure(err)) throw err;
      spec.logger?.warn({ attempt, err }, 'litecoind could not bind its ports; trying new ones');
    }
  }
}

async function startPairOnce(spec: PairSpec, dir: string): Promise<DaemonPair> {
  const [nodeRpc, nodeP2p, nodeOnion, peerRpc, peerP2p, peerOnion] = await freePorts(6);
  const common = {
    binary: spec.binary,
    scheduler: spec.scheduler,
    mweb: spec.mweb,
    readyTimeoutMs: spec.readyTimeoutMs,
    logger: spec.logger,
  };
  await mkdir(dir, { recursive: true });
  const started = await Promise.allSettled([
    startLitecoind({
      ...common,
      name: 'litecoind peer',
      dir: join(dir, 'peer'),
      ports: { rpc: peerRpc!, p2p: peerP2p!, onion: peerOnion! },
      credentials: newRpcCredentials(),
      wallet: false,
      connect: [],
    }),
    startLitecoind({
      ...common,
      name: 'litecoind node',
      dir: join(dir, 'node'),
      ports: { rpc: nodeRpc!, p2p: nodeP2p!, onion: nodeOnion! },
      credentials: newRpcCredentials(),
      wallet: true,
      connect: [peerP2p!],
      extraArgs: spec.extraArgs,
    }),
  ]);
  const [peer, node] = started;
  if (peer.status === 'fulfilled' && node.status === 'fulfilled') {
    return { node: node.value, peer: peer.value };
  }
  await Promise.all(
    started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop(spec.stopGraceMs)] : [])),
  );
  throw node.status === 'rejected' ? node.reason : (peer as PromiseRejectedResult).reason;
}

function isBindFailure(err: unknown): boolean {
  return (
    err instanceof ChimeraError &&
    err.code === 'REGTEST_START_FAILED' &&
    /unable to bind|address already in use/i.test(err.message)
  );
}
