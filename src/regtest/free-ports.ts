import { createServer, type Server } from 'node:net';

/**
 * `count` distinct TCP ports the OS says are free on `host`. All are held open together
 * before any is released, so the OS cannot hand out the same port twice in one call. Another
 * process may still take one before the caller binds it: callers retry on a bind failure.
 */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count ${count}`);
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      ports.push(await listenOnAnyPort(server, host));
    }
    return ports;
  } finally {
    await Promise.all(servers.map(closeServer));
  }
}

function listenOnAnyPort(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`no TCP address for a server on ${host}`));
        return;
      }
      resolve(address.port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}
