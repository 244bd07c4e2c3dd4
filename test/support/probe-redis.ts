import { TcpDialog } from './tcp-dialog.js';

export const DEFAULT_REDIS_URL_TEST = 'redis://127.0.0.1:6379/15';

/**
 * Redis is usable when it answers, over plain TCP: AUTH when the URL has a password, SELECT
 * of the URL's database, then PING with +PONG. Written by hand: no Redis client is a
 * dependency yet.
 */
export async function probeRedis(
  url = process.env['REDIS_URL_TEST'] ?? DEFAULT_REDIS_URL_TEST,
): Promise<string | undefined> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `REDIS_URL_TEST is not a URL: ${url}`;
  }
  if (target.protocol !== 'redis:') return `${url}: only redis:// is probed`;
  const host = target.hostname === '' ? '127.0.0.1' : target.hostname;
  const port = target.port === '' ? 6379 : Number(target.port);
  const db = target.pathname.replace(/^\//, '');
  const commands: string[][] = [];
  if (target.password !== '') {
    const user = decodeURIComponent(target.username);
    const password = decodeURIComponent(target.password);
    commands.push(user === '' ? ['AUTH', password] : ['AUTH', user, password]);
  }
  if (db !== '' && db !== '0') commands.push(['SELECT', db]);
  commands.push(['PING']);
  let dialog: TcpDialog;
  try {
    dialog = await TcpDialog.open(host, port);
  } catch (err) {
    return `Redis at ${redacted(target)}: ${(err as Error).message}`;
  }
  try {
    for (const command of commands) {
      dialog.write(resp(command));
      const answer = await dialog.readLine();
      const expected = command[0] === 'PING' ? '+PONG' : '+OK';
      if (answer !== expected) {
        return `Redis at ${redacted(target)} answered ${command[0]} with ${answer}`;
      }
    }
    return undefined;
  } catch (err) {
    return `Redis at ${redacted(target)}: ${(err as Error).message}`;
  } finally {
    dialog.close();
  }
}

/** A command as a RESP array of bulk strings. */
export function resp(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

function redacted(url: URL): string {
  return `${url.hostname}:${url.port || 6379}${url.pathname}`;
}
