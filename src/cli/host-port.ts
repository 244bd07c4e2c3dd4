import { InvalidArgumentError } from 'commander';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** `host:port`, `[::1]:port` or `:port` (loopback). */
export function parseHostPort(text: string): HostPort {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new InvalidArgumentError(`expected host:port, got '${text}'`);
  return { host: m[1] ?? (m[2] || '127.0.0.1'), port };
}
