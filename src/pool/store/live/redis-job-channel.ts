import type { Redis } from 'ioredis';
import type { JobHandler, Unsubscribe } from './live-state.js';

/**
 * Job announcements over Redis pub/sub. A connection in subscriber mode can do nothing
 * else, so subscriptions get a connection of their own, opened on the first one; each
 * channel is subscribed once however many handlers this process has for it.
 */
export class RedisJobChannel {
  private subscriber: Redis | undefined;
  private readonly handlers = new Map<string, Set<JobHandler>>();

  constructor(private readonly redis: Redis) {}

  async publish(channel: string, announcement: string): Promise<void> {
    await this.redis.publish(channel, announcement);
  }

  async subscribe(channel: string, handler: JobHandler): Promise<Unsubscribe> {
    const subscriber = this.connection();
    let set = this.handlers.get(channel);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(channel, set);
      await subscriber.subscribe(channel);
    }
    const own = (announcement: string): void => handler(announcement);
    set.add(own);
    return async () => {
      set.delete(own);
      if (set.size === 0 && this.handlers.get(channel) === set) {
        this.handlers.delete(channel);
        await subscriber.unsubscribe(channel);
      }
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    if (this.subscriber !== undefined) await this.subscriber.quit();
    this.subscriber = undefined;
  }

  private connection(): Redis {
    if (this.subscriber === undefined) {
      const subscriber = this.redis.duplicate();
      subscriber.on('message', (channel: string, message: string) => {
        for (const handler of this.handlers.get(channel) ?? []) handler(message);
      });
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }
}
