import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ChimeraError } from '../errors.js';
import { daemonErrorCode, JsonRpcClient } from '../pool/node/index.js';
import type { Scheduler } from '../runtime/index.js';
import { DaemonProcess } from './daemon-process.js';
import { litecoindArgs, type DaemonPorts } from './daemon-args.js';
import { regtestError } from './errors.js';
import { debugLogTail } from './debug-log.js';
import { pollUntil, type PollResult } from './poll-until.js';
import { newRpcSalt, rpcAuthValue, type RpcCredentials } from './rpc-credentials.js';

export interface LitecoindSpec {
  /** `litecoind node`, `litecoind peer`: names it in logs and errors. */
  readonly name: string;
  readonly binary: string;
  readonly scheduler: Scheduler;
  /** An empty directory of its own: `home/` and `data/` are made in it. */
  readonly dir: string;
  readonly ports: DaemonPorts;
  readonly credentials: RpcCredentials;
  readonly wallet: boolean;
  readonly connect: readonly number[];
  readonly mweb: boolean;
  readonly extraArgs?: readonly string[];
  readonly readyTimeoutMs: number;
  readonly logger?: Logger | undefined;
}

/** One running regtest litecoind whose RPC answers. */
export interface Litecoind {
  readonly name: string;
  readonly process: DaemonProcess;
  /** For the harness's own calls; callers that may close theirs get their own client. */
  readonly client: JsonRpcClient;
  /** Without credentials. */
  readonly rpcUrl: string;
  readonly credentials: RpcCredentials;
  readonly datadir: string;
  readonly ports: DaemonPorts;
  /** `stop` over RPC, then SIGTERM, then SIGKILL; each step waits up to `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /** The end of `<datadir>/regtest/debug.log`. */
  logTail(lines?: number): Promise<string>;
}

const RPC_IN_WARMUP = -28;
/** A daemon that failed to start holds nothing worth a long wait. */
const FAILED_START_GRACE_MS = 2_000;

/**
 * Starts one litecoind in the foreground with its own HOME (the Debian build writes
 * `$HOME/.litecoin` whatever -datadir says) and waits until its RPC answers. A daemon that
 * exits or never answers is stopped, and the error carries its stderr and debug.log tail.
 */
export async function startLitecoind(spec: LitecoindSpec): Promise<Litecoind> {
  const home = join(spec.dir, 'home');
  const datadir = join(spec.dir, 'data');
  await Promise.all([mkdir(home, { recursive: true }), mkdir(datadir, { recursive: true })]);
  const args = litecoindArgs({
    datadir,
    ports: spec.ports,
    rpcAuth: rpcAuthValue(spec.credentials, newRpcSalt()),
    wallet: spec.wallet,
    connect: spec.connect,
    mweb: spec.mweb,
    extra: spec.extraArgs,
  });
  const proc = await DaemonProcess.spawn({
    name: spec.name,
    binary: spec.binary,
    args,
    env: { HOME: home, LC_ALL: 'C' },
    scheduler: spec.scheduler,
  });
  spec.logger?.debug({ daemon: spec.name, pid: proc.pid, ports: spec.ports }, 'litecoind spawned');
  const rpcUrl = `http://127.0.0.1:${spec.ports.rpc}`;
  const { user, password } = spec.credentials;
  const client = new JsonRpcClient({
    url: `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${spec.ports.rpc}`,
    scheduler: spec.scheduler,
    // generatetoaddress of hundreds of blocks takes seconds; nothing here should take a minute.
    timeoutMs: 60_000,
  });
  const logTail = (lines = 30): Promise<string> => debugLogTail(datadir, lines);
  const daemon: Litecoind = {
    name: spec.name,
    process: proc,
    client,
    rpcUrl,
    credentials: spec.credentials,
    datadir,
    ports: spec.ports,
    logTail,
    stop: (graceMs) => stopDaemon(proc, client, graceMs),
  };
  try {
    await pollUntil(() => lookReady(daemon), {
      scheduler: spec.scheduler,
      timeoutMs: spec.readyTimeoutMs,
      what: `RPC of ${spec.name} on 127.0.0.1:${spec.ports.rpc}`,
    });
  } catch (err) {
    await daemon.stop(FAILED_START_GRACE_MS);
    throw await withLogs(err, daemon);
  }
  return daemon;
}

async function lookReady(daemon: Litecoind): Promise<PollResult<true>> {
  const exit = daemon.process.exit;
  if (exit !== undefined) {
    throw regtestError(
      'REGTEST_START_FAILED',
      `${daemon.name} exited during start-up (code ${exit.code}, signal ${exit.signal})`,
      { exitCode: exit.code, signal: exit.signal },
    );
  }
  try {
    await daemon.client.call('getblockcount', [], { retries: 0, timeoutMs: 5_000 });
    return { value: true };
  } catch (err) {
    if (!(err instanceof ChimeraError)) throw err;
    if (err.code === 'RPC_UNREACHABLE' || err.code === 'RPC_TIMEOUT') return { wait: err.message };
    if (daemonErrorCode(err) === RPC_IN_WARMUP) return { wait: err.message };
    throw err;
  }
}

async function stopDaemon(
  proc: DaemonProcess,
  client: JsonRpcClient,
  graceMs: number,
): Promise<void> {
  if (proc.exit === undefined) {
    // A daemon still starting refuses `stop` (-28) and one already stopping may not answer:
    // then SIGTERM does the same at once, rather than after a wait for nothing.
    const asked = await client.call('stop', [], { retries: 0, timeoutMs: graceMs }).then(
      () => true,
      () => false,
    );
    if (!asked || !(await proc.waitExit(graceMs))) await proc.terminate(graceMs);
  }
  client.close();
}

/** The same error with the daemon's stderr and debug.log tail appended to its message. */
async function withLogs(err: unknown, daemon: Litecoind): Promise<unknown> {
  if (!(err instanceof ChimeraError)) return err;
  const stderr = daemon.process.stderrTail();
  const debugLog = await daemon.logTail(15);
  const text = [
    err.message.replace(/^[A-Z_]+: /, ''),
    stderr === '' ? '' : `--- stderr:\n${stderr}`,
    debugLog === ''
      ? ''
      : `--- ${join(daemon.datadir, 'regtest', 'debug.log')} (tail):\n${debugLog}`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  return new ChimeraError(err.code, text, { ...err.details, stderr, debugLog });
}
