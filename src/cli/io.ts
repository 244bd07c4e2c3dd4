/** What a command may touch of its process: injected so tests run commands in memory. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Resolves on SIGINT or SIGTERM (or when a test says so). */
  waitForSignal(): Promise<void>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    waitForSignal: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
    env: process.env,
  };
}
