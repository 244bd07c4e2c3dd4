import { spawn, type ChildProcess } from 'node:child_process';
import type { Scheduler } from '../runtime/index.js';
import { sleep } from '../pool/node/backoff.js';
import { regtestError } from './errors.js';
import { LineTail } from './line-tail.js';

export interface DaemonExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnDaemonOptions {
  /** For messages: `litecoind node`, `litecoind peer`. */
  readonly name: string;
  readonly binary: string;
  readonly args: readonly string[];
  /** The whole environment of the child; nothing is inherited. */
  readonly env: Readonly<Record<string, string>>;
  readonly scheduler: Scheduler;
}

/** How a terminate() ended: `stopped` on SIGTERM within the grace period, else `killed`. */
export type TerminateOutcome = 'already-exited' | 'stopped' | 'killed';

/**
 * A daemon run in the foreground as our own child, so that it is ours to stop: no -daemon
 * fork, no pid file to trust. Its stderr is kept as a bounded tail for error messages.
 */
export class DaemonProcess {
  readonly exited: Promise<DaemonExit>;
  private exitInfo: DaemonExit | undefined;
  private readonly stderr = new LineTail(40);

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
    private readonly scheduler: Scheduler,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        LIVE.delete(child);
        resolve(this.exitInfo);
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
  }

  /** Spawns the daemon; throws REGTEST_START_FAILED when it cannot be started at all. */
  static async spawn(opts: SpawnDaemonOptions): Promise<DaemonProcess> {
    const child = spawn(opts.binary, opts.args, {
      env: { ...opts.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    LIVE.add(child);
    armExitNet();
    const daemon = new DaemonProcess(child, opts.name, opts.scheduler);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (err) => {
        LIVE.delete(child);
        reject(
          regtestError('REGTEST_START_FAILED', `${opts.name}: cannot spawn ${opts.binary}`, {
            binary: opts.binary,
            cause: err.message,
          }),
        );
      });
    });
    return daemon;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Undefined while it runs. */
  get exit(): DaemonExit | undefined {
    return this.exitInfo;
  }

  stderrTail(): string {
    return this.stderr.text();
  }

  /** Resolves true when the process exits within `timeoutMs`, false otherwise. */
  async waitExit(timeoutMs: number): Promise<boolean> {
    if (this.exitInfo !== undefined) return true;
    // The exit cuts the wait short by aborting it, which also clears the timer.
    const ac = new AbortController();
    void this.exited.then(() => ac.abort());
    await sleep(this.scheduler, timeoutMs, ac.signal);
    return this.exitInfo !== undefined;
  }

  /** SIGTERM, then SIGKILL when it is still running after `graceMs`. Resolves once it is gone. */
  async terminate(graceMs: number): Promise<TerminateOutcome> {
    if (this.exitInfo !== undefined) return 'already-exited';
    this.child.kill('SIGTERM');
    if (await this.waitExit(graceMs)) return 'stopped';
    this.child.kill('SIGKILL');
    await this.exited;
    return 'killed';
  }
}

/**
 * Children still running when this process exits are killed, so that a crashed or killed
 * test run does not leave daemons behind holding ports. Only the synchronous part of
 * teardown can run at exit: their temporary directories stay.
 */
const LIVE = new Set<ChildProcess>();
let netArmed = false;

function armExitNet(): void {
  if (netArmed) return;
  netArmed = true;
  process.once('exit', () => {
    for (const child of LIVE) child.kill('SIGKILL');
  });
}
