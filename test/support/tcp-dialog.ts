import { connect, type Socket } from 'node:net';

/**
 * A short request/answer exchange over TCP for probes: connect, write, read exact byte
 * counts or CRLF lines. Every read fails after the deadline given at open, so a service that
 * accepts but never answers cannot hang a probe.
 */
export class TcpDialog {
  private buffered = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  private failure: Error | undefined;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly socket: Socket,
    readonly where: string,
    timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.wake();
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error(`${where} closed the connection`)));
    this.timer = setTimeout(
      () => this.fail(new Error(`${where} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  }

  static open(host: string, port: number, timeoutMs = 3_000): Promise<TcpDialog> {
    const where = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const dialog = new TcpDialog(socket, where, timeoutMs);
      socket.once('connect', () => resolve(dialog));
      socket.once('error', (err) => {
        dialog.close();
        reject(new Error(`cannot connect to ${where}: ${err.message}`));
      });
    });
  }

  write(data: Buffer | string): void {
    this.socket.write(data);
  }

  async read(n: number): Promise<Buffer> {
    while (this.buffered.length < n) await this.more();
    const out = this.buffered.subarray(0, n);
    this.buffered = this.buffered.subarray(n);
    return out;
  }

  /** One line without its CRLF. */
  async readLine(): Promise<string> {
    for (;;) {
      const end = this.buffered.indexOf('\r\n');
      if (end >= 0) {
        const line = this.buffered.subarray(0, end).toString('utf8');
        this.buffered = this.buffered.subarray(end + 2);
        return line;
      }
      await this.more();
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.socket.destroy();
  }

  private more(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = () => (this.failure === undefined ? resolve() : reject(this.failure));
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}
