import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../runtime/clock.js';
import type { LiveState } from '../../pool/store/live/live-state.js';
import { Refusal } from './refusal.js';
import type { RateLimitRule } from './route.js';
import { sendRefusal } from './route.js';

/**
 * Per route and per client, counted in the live-state store (Redis in production), so every
 * API process behind one address agrees. Fixed windows: cheap, at most twice the limit
 * across a boundary.
 */
export function installRateLimit(
  app: FastifyInstance,
  live: LiveState,
  clock: Clock,
  fallback: RateLimitRule,
): void {
  app.addHook('onRequest', async (request, reply) => {
    const rule = request.routeOptions.config.rateLimit ?? fallback;
    const routeKey = `${request.method} ${request.routeOptions.url ?? '*'}`;
    const nowMs = clock.nowMs();
    const decision = await live.hit(
      `api:rl:${routeKey}:${request.ip}`,
      { limit: rule.limit, windowMs: rule.windowMs, kind: 'fixed' },
      nowMs,
    );
    void reply.header('x-ratelimit-limit', rule.limit);
    void reply.header('x-ratelimit-remaining', decision.remaining);
    if (decision.allowed) return;
    const retryAfterS = Math.ceil((rule.windowMs - (nowMs % rule.windowMs)) / 1000);
    await sendRefusal(
      reply,
      new Refusal(
        429,
        'RATE_LIMITED',
        `at most ${rule.limit} requests per ${rule.windowMs / 1000} s`,
        {
          'retry-after': String(retryAfterS),
        },
      ),
    );
  });
}
