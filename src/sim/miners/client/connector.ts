import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createDuplexPair } from '../../../pool/stratum/memory-duplex.js';

/** Opens one connection to a pool. */
export interface Connector {
  /** Where it connects, for reports. */
  readonly label: string;
  connect(): Promise<Duplex>;
  /**
   * Where client.reconnect points: a connector for that host and port, or this one when the
   * target is not reachable this way (an in-memory pool has no host to move to).
   */
  redirect(host: string | undefined, port: number | undefined): Connector;
}

export interface TcpTarget {
  readonly host: string;
  readonly port: number;
  /**
   * Source address to connect from. On Linux every 127.x.y.z is loopback, so a farm can give
   * each miner its own address: a pool that bans one abusive IP then bans one miner, not the
   * whole farm.
   */
  readonly localAddress?: string;
}

export function tcpConnector(target: TcpTarget): Connector {
  return {
    label: `${target.host}:${target.port}`,
    connect: () =>
      new Promise<Duplex>((resolve, reject) => {
        const socket: Socket = connect({
          host: target.host,
          port: target.port,
          localAddress: target.localAddress,
          noDelay: true,
        });
        socket.once('connect', () => {
          socket.off('error', reject);
          resolve(socket);
        });
        socket.once('error', reject);
      }),
    redirect: (host, port) =>
      tcpConnector({
        ...target,
        host: host ?? target.host,
        port: port ?? target.port,
      }),
  };
}

/** Hands the pool its end of an in-memory pair (e.g. `server.attach`) and keeps the other. */
export type AttachPoolEnd = (poolEnd: Duplex, remoteAddress: string) => void;

export function memoryConnector(attach: AttachPoolEnd, remoteAddress: string): Connector {
  const self: Connector = {
    label: `memory:${remoteAddress}`,
    connect: () => {
      const [poolEnd, minerEnd] = createDuplexPair();
      attach(poolEnd, remoteAddress);
      return Promise.resolve(minerEnd);
    },
    redirect: () => self,
  };
  return self;
}
