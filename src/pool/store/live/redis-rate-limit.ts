import type { Redis } from 'ioredis';
import type { RateDecision, RateWindow } from './live-state.js';
import { execAll } from './redis-exec.js';

// The sliding log in one atomic step: drop hits at or before now - window, count the rest,
// and record this hit only if it is allowed. A counter gives each hit a unique member.
const SLIDING = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then return {0, 0} end
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. ':' .. seq)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return {1, tonumber(ARGV[3]) - n - 1}`;

/**
 * One hit against a Redis rate limit. Fixed windows are one INCR per window index (the key
 * expires with its window); sliding windows are the log above.
 */
export async function redisHit(
  redis: Redis,
  key: string,
  window: RateWindow,
  nowMs: number,
): Promise<RateDecision> {
  if (window.kind === 'fixed') {
    const windowKey = `${key}:${window.windowMs}:${Math.floor(nowMs / window.windowMs)}`;
    const replies = await execAll(
      redis.multi().incr(windowKey).pexpire(windowKey, window.windowMs),
    );
    const count = Number(replies[0]);
    return { allowed: count <= window.limit, remaining: Math.max(0, window.limit - count) };
  }
  const logKey = `${key}:${window.windowMs}:log`;
  const reply = await redis.eval(
    SLIDING,
    2,
    logKey,
    `${logKey}:seq`,
    nowMs,
    window.windowMs,
    window.limit,
  );
  const [allowed, remaining] = Array.isArray(reply) ? reply.map(Number) : [0, 0];
  return { allowed: allowed === 1, remaining: remaining ?? 0 };
}
