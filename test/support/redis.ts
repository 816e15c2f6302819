import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis that CI starts on 127.0.0.1:6379 (or REDIS_URL). */
export function connectTestRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
}

/** A key prefix no other test (or parallel jest worker) uses, so tests never see each other's data. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${randomUUID()}`;
}

/** Deletes every key under a prefix (SCAN, never KEYS, so a shared Redis is not blocked). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
