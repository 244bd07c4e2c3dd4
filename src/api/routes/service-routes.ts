import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../http/route.js';
import type { ApiServices } from '../services.js';

/** /metrics (Prometheus text) and a health check. */
export function serviceRoutes(app: FastifyInstance, s: ApiServices): void {
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['service'], produces: ['text/plain'] } },
    async (_request, reply) => {
      const [networks, blocks] = await Promise.all([
        s.deps.stats.networks(),
        s.reads.blockCounts(),
      ]);
      s.metrics.update(networks, blocks, s.deps.stats.ledger());
      return reply
        .header('content-type', s.metrics.registry.contentType)
        .send(await s.metrics.registry.metrics());
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/health',
      summary: 'The API answers and its store is reachable',
      tags: ['service'],
      response: z.object({ ok: z.boolean(), atMs: z.int() }),
    },
    async () => {
      await s.deps.store.sql.query('SELECT 1');
      return { ok: true, atMs: s.deps.clock.nowMs() };
    },
  );
}
