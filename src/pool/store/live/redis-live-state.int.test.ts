import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { probeRedis, serviceGate } from '../../../../test/support/services.js';
import { testRedisUrl } from '../testing/service-urls.js';
import { CONTRACT_BUCKETS, liveStateContract } from './live-state.contract.js';
import { RedisLiveState } from './redis-live-state.js';

const url = testRedisUrl();
const gate = await serviceGate('redis', () => probeRedis(url));

/** Deletes every key of one run's prefix. */
async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

describe.skipIf(gate.skip)('Redis live state', () => {
  liveStateContract('Redis', async () => {
    const prefix = `chimera-test:${randomUUID()}:`;
    const a = await RedisLiveState.connect({ url, prefix, buckets: CONTRACT_BUCKETS });
    const b = await RedisLiveState.connect({ url, prefix, buckets: CONTRACT_BUCKETS });
    return {
      a,
      b,
      another: () => RedisLiveState.connect({ url, prefix, buckets: CONTRACT_BUCKETS }),
      close: async () => {
        await Promise.all([a.close(), b.close()]);
        await dropPrefix(prefix);
      },
    };
  });
});
