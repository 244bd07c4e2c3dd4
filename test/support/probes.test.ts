import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { litecoindCandidates, probeLitecoind } from './probe-litecoind.js';
import { errorText, probePostgres, startupMessage } from './probe-postgres.js';
import { probeRedis, resp } from './probe-redis.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A loopback server that runs `onSocket` for each client; closed after the test. */
async function fakeServer(onSocket: (s: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function pgMessage(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
};

describe('probeRedis', () => {
  it('is satisfied by AUTH, SELECT and PING answered +OK, +OK, +PONG, sent as RESP', async () => {
    // Arrange
    const seen: string[] = [];
    const port = await fakeServer((s) => {
      const answers = ['+OK\r\n', '+OK\r\n', '+PONG\r\n'];
      s.on('data', (d) => {
        seen.push(d.toString());
        s.write(answers.shift() ?? '-ERR extra\r\n');
      });
    });
    // Act
    const reason = await probeRedis(`redis://:s3cret@127.0.0.1:${port}/15`);
    // Assert
    expect(reason).toBeUndefined();
    expect(seen).toEqual([resp(['AUTH', 's3cret']), resp(['SELECT', '15']), resp(['PING'])]);
    expect(resp(['PING'])).toBe('*1\r\n$4\r\nPING\r\n');
  });

  it('reports an error answer, and never prints the password', async () => {
    const port = await fakeServer((s) =>
      s.on('data', () => s.write('-NOAUTH Authentication required.\r\n')),
    );
    const reason = await probeRedis(`redis://:s3cret@127.0.0.1:${port}/15`);
    expect(reason).toContain('answered AUTH with -NOAUTH Authentication required.');
    expect(reason).not.toContain('s3cret');
  });

  it('reports a refused connection, a server that never answers, and a bad URL', async () => {
    const port = await closedPort();
    expect(await probeRedis(`redis://127.0.0.1:${port}/0`)).toMatch(/cannot connect.*ECONNREFUSED/);
    const silent = await fakeServer(() => undefined);
    expect(await probeRedis(`redis://127.0.0.1:${silent}/0`)).toMatch(/did not answer within/);
    expect(await probeRedis('::not a url')).toMatch(/not a URL/);
  });
});

describe('probePostgres', () => {
  it('is satisfied by AuthenticationOk then ReadyForQuery, and says goodbye with Terminate', async () => {
    // Arrange
    const received: Buffer[] = [];
    const port = await fakeServer((s) => {
      s.on('data', (d) => {
        received.push(d);
        if (received.length === 1) {
          s.write(
            Buffer.concat([
              pgMessage('R', int32(0)),
              pgMessage('S', Buffer.from('server_version\x0016.4\x00')),
              pgMessage('Z', Buffer.from('I')),
            ]),
          );
        }
      });
    });
    // Act
    const reason = await probePostgres(`postgres://alice@127.0.0.1:${port}/test`);
    // Assert
    expect(reason).toBeUndefined();
    expect(received[0]).toEqual(startupMessage({ user: 'alice', database: 'test' }));
    await expect
      .poll(() => Buffer.concat(received.slice(1)))
      .toEqual(Buffer.from('X\0\0\0\x04', 'latin1'));
  });

  it('stops at a password request: the server is up', async () => {
    const port = await fakeServer((s) => s.once('data', () => s.write(pgMessage('R', int32(10)))));
    expect(await probePostgres(`postgres://postgres@127.0.0.1:${port}/test`)).toBeUndefined();
  });

  it('reports the server error, e.g. a missing database', async () => {
    const body = Buffer.from('SFATAL\0C3D000\0Mdatabase "test" does not exist\0\0');
    const port = await fakeServer((s) =>
      s.once('data', () =>
        s.write(Buffer.concat([pgMessage('R', int32(0)), pgMessage('E', body)])),
      ),
    );
    const reason = await probePostgres(`postgres://postgres@127.0.0.1:${port}/test`);
    expect(reason).toContain('refused: FATAL database "test" does not exist (3D000)');
    expect(errorText(Buffer.from('\0'))).toBe('ERROR (no message)');
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    expect(await probePostgres(`postgres://postgres@127.0.0.1:${port}/test`)).toMatch(
      /ECONNREFUSED/,
    );
  });
});

describe('probeLitecoind', () => {
  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'chimera-probe-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function script(dir: string, name: string, body: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, 0o755);
    return path;
  }

  it('names where it looked and the apt command when there is no binary', async () => {
    const reason = await probeLitecoind(['/nonexistent/litecoind']);
    expect(reason).toContain('/nonexistent/litecoind');
    expect(reason).toContain('apt-get install -y litecoind');
  });

  it('accepts a binary whose -version names Litecoin Core, and refuses others', async () => {
    const dir = await tempDir();
    const good = await script(dir, 'good', 'echo "Litecoin Core version v0.21.2.1"');
    const other = await script(dir, 'other', 'echo "Bitcoin Core version v29.0"');
    const broken = await script(dir, 'broken', 'echo "missing libdb" >&2; exit 127');
    expect(await probeLitecoind(['/nonexistent', good])).toBeUndefined();
    expect(await probeLitecoind([other])).toMatch(/is not Litecoin Core/);
    expect(await probeLitecoind([broken])).toMatch(/-version failed.*missing libdb/s);
  });

  it('looks at CHIMERA_LITECOIND first, then the Debian paths, then PATH', () => {
    const candidates = litecoindCandidates({ CHIMERA_LITECOIND: '/opt/ltc', PATH: '/a:/b' });
    expect(candidates[0]).toBe('/opt/ltc');
    expect(candidates).toContain('/usr/lib/litecoin/litecoind');
    expect(candidates.slice(-2)).toEqual(['/a/litecoind', '/b/litecoind']);
  });
});
