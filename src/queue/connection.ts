import { Redis } from 'ioredis';
import { QueueRedisUnavailableError } from './errors';

/** How long commands wait for Redis to answer before saying it is down. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/** The Redis URL without user or password, for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the configured REDIS_URL';
  }
}

/**
 * Opens and checks a Redis connection for queues, locks and the limiter. BullMQ workers need
 * `maxRetriesPerRequest: null` (their blocking commands must wait through reconnects), see
 * https://docs.bullmq.io/guide/going-to-production#maxretriesperrequest.
 */
export async function connectRedis(
  url: string,
  timeoutMs = REDIS_CONNECT_TIMEOUT_MS,
): Promise<Redis> {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    connectTimeout: timeoutMs,
  });
  // Without a listener ioredis prints every reconnect failure to stderr; the caller reports instead.
  redis.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new QueueRedisUnavailableError(
      `Redis at ${describeRedisUrl(url)} did not answer within ${Math.round(timeoutMs / 1000)} s: start Redis or fix REDIS_URL.`,
      { retryable: true, cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a connection, falling back to a hard disconnect when Redis is already gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
