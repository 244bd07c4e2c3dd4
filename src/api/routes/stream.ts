import type { FastifyInstance } from 'fastify';
import type { StreamSocket } from '../http/stream-socket.js';
import type { PoolEvent } from '../ports.js';
import type { ApiServices } from '../services.js';

/** Frames a socket may have queued before it is dropped as too slow to read. */
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * GET /api/v1/stream (WebSocket): one JSON text frame per pool event (blocks found,
 * network switches, share-rate ticks), from the moment the socket opens. A reader that
 * falls a megabyte behind is closed (1013, try again later) rather than buffered forever.
 */
export function streamRoute(app: FastifyInstance, s: ApiServices): void {
  app.get(
    '/api/v1/stream',
    { websocket: true, schema: { summary: 'Live events (WebSocket)', tags: ['miners'] } },
    (raw) => {
      const socket = raw as StreamSocket;
      const stop = s.deps.events.subscribe((event: PoolEvent) => {
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          socket.close(1013, 'too slow');
          return;
        }
        socket.send(JSON.stringify(event));
      });
      socket.on('close', stop);
      socket.send(JSON.stringify({ type: 'hello', atMs: s.deps.clock.nowMs() }));
    },
  );
}
