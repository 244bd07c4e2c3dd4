import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { kindOf } from './protocol.js';

const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));

/**
 * Raises the soft open-file limit to the hard one (one pool process must hold ~19,000
 * sockets), then execs node in place, so the child's pid is node's and the IPC fd survives.
 */
const RAISE_FD_LIMIT = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';

type Waiter = {
  readonly kind: string;
  readonly resolve: (message: unknown) => void;
  readonly reject: (error: Error) => void;
};

/**
 * The coordinator's handle on one child (a TS entry run through bin/run-ts.js): requests out,
 * replies in, each awaited with a deadline, and a stop that always ends the process.
 */
export class ChildLink<Command extends object, Reply extends { readonly kind: string }> {
  readonly #child: ChildProcess;
  readonly #inbox: unknown[] = [];
  #waiter: Waiter | undefined;
  #exitCode: number | null | undefined;
  readonly exited: Promise<void>;

  constructor(
    readonly label: string,
    entry: string,
    args: readonly string[],
    nodeFlags: readonly string[] = [],
  ) {
    this.#child = spawn(
      'sh',
      ['-c', RAISE_FD_LIMIT, process.execPath, ...nodeFlags, RUN_TS, entry, ...args],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    this.#child.on('message', (message: unknown) => {
      this.#inbox.push(message);
      this.#deliver();
    });
    this.exited = new Promise((resolve) => {
      this.#child.on('exit', (code, signal) => {
        this.#exitCode = code ?? (signal === null ? null : -1);
        this.#waiter?.reject(new Error(`${label} exited (${signal ?? code}) while waiting`));
        this.#waiter = undefined;
        resolve();
      });
    });
    this.#child.on('error', (error) => this.#waiter?.reject(error));
  }

  /** A request is waiting for its reply. */
  get busy(): boolean {
    return this.#waiter !== undefined;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** The next message of `kind`; rejects on `failed`, exit or the deadline. */
  next<K extends Reply['kind']>(kind: K, timeoutMs: number): Promise<Extract<Reply, { kind: K }>> {
    if (this.busy) return Promise.reject(new Error(`${this.label}: one request at a time`));
    if (this.#exitCode !== undefined) return Promise.reject(new Error(`${this.label} has exited`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        reject(new Error(`${this.label}: no '${kind}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiter = {
        kind,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<Reply, { kind: K }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.#deliver();
    });
  }

  request<K extends Reply['kind']>(
    command: Command,
    kind: K,
    timeoutMs: number,
  ): Promise<Extract<Reply, { kind: K }>> {
    const reply = this.next(kind, timeoutMs);
    this.#child.send(command);
    return reply;
  }

  /** Closes the channel (the child cleans up and exits); kills it if it has not gone in time. */
  async stop(graceMs: number): Promise<void> {
    if (this.#exitCode !== undefined) return;
    if (this.#child.connected) this.#child.disconnect();
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** At once, for when the coordinator itself must exit now. */
  kill(): void {
    if (this.#exitCode === undefined) this.#child.kill('SIGKILL');
  }

  #deliver(): void {
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    const i = this.#inbox.findIndex((m) => kindOf(m) === waiter.kind || kindOf(m) === 'failed');
    if (i < 0) return;
    const [message] = this.#inbox.splice(i, 1);
    this.#waiter = undefined;
    if (kindOf(message) === 'failed') {
      const text = (message as { message?: unknown }).message;
      waiter.reject(new Error(`${this.label} failed: ${String(text)}`));
    } else waiter.resolve(message);
  }
}
