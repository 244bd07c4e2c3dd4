import { TcpDialog } from './tcp-dialog.js';

export const DEFAULT_DATABASE_URL_TEST = 'postgres://postgres@127.0.0.1:5432/test';

const PROTOCOL_3_0 = 196_608;

/**
 * PostgreSQL is usable when it accepts a startup message for the URL's user and database and
 * reaches ReadyForQuery. Spoken by hand over TCP (no client library is a dependency yet), so
 * it stops at an authentication request it would have to answer: the server is up and the
 * suite itself reports a wrong password.
 */
export async function probePostgres(
  url = process.env['DATABASE_URL_TEST'] ?? DEFAULT_DATABASE_URL_TEST,
): Promise<string | undefined> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `DATABASE_URL_TEST is not a URL: ${url}`;
  }
  if (target.protocol !== 'postgres:' && target.protocol !== 'postgresql:') {
    return `${url}: only postgres:// is probed`;
  }
  const host = target.hostname === '' ? '127.0.0.1' : target.hostname;
  const port = target.port === '' ? 5432 : Number(target.port);
  const user = decodeURIComponent(target.username) || 'postgres';
  const database = decodeURIComponent(target.pathname.replace(/^\//, '')) || user;
  const where = `PostgreSQL at ${host}:${port}/${database} as ${user}`;
  let dialog: TcpDialog;
  try {
    dialog = await TcpDialog.open(host, port);
  } catch (err) {
    return `${where}: ${(err as Error).message}`;
  }
  try {
    dialog.write(startupMessage({ user, database }));
    for (;;) {
      const type = (await dialog.read(1)).toString('latin1');
      const length = (await dialog.read(4)).readInt32BE(0);
      const body = await dialog.read(length - 4);
      if (type === 'R' && body.readInt32BE(0) !== 0) return undefined;
      if (type === 'E') return `${where} refused: ${errorText(body)}`;
      if (type === 'Z') {
        dialog.write(Buffer.from([0x58, 0, 0, 0, 4]));
        return undefined;
      }
      if (!'RSKN'.includes(type)) return `${where}: unexpected message '${type}'`;
    }
  } catch (err) {
    return `${where}: ${(err as Error).message}`;
  } finally {
    dialog.close();
  }
}

export function startupMessage(params: Readonly<Record<string, string>>): Buffer {
  const pairs = Object.entries(params).flatMap(([k, v]) => [k, v]);
  const body = Buffer.concat([
    ...pairs.map((s) => Buffer.from(`${s}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(PROTOCOL_3_0, 4);
  return Buffer.concat([head, body]);
}

/** Severity, message and SQLSTATE of an ErrorResponse body. */
export function errorText(body: Buffer): string {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < body.length && body[i] !== 0) {
    const code = String.fromCharCode(body[i]!);
    const end = body.indexOf(0, i + 1);
    if (end < 0) break;
    fields.set(code, body.subarray(i + 1, end).toString('utf8'));
    i = end + 1;
  }
  const sqlState = fields.get('C');
  return `${fields.get('S') ?? 'ERROR'} ${fields.get('M') ?? '(no message)'}${sqlState ? ` (${sqlState})` : ''}`;
}
