/**
 * How the queue runs: where Redis is, the key prefix, concurrency, the Odoo rate limit, retries,
 * locks and shutdown. Those in QUEUE_ENV come from the environment; the rest are tuned in code and
 * by tests. Every field documents its default.
 */
import { z } from 'zod';
import { CONNECTION_ENV, DEFAULT_REDIS_URL } from '../config/connection.schema';
import { settingsFromEnv } from './env-settings';

/** Environment variable for each setting, so errors name what to fix. */
export const QUEUE_ENV = {
  redisUrl: CONNECTION_ENV['redis.url'],
  prefix: 'TALLY_QUEUE_PREFIX',
  concurrency: 'TALLY_WORKER_CONCURRENCY',
  odooRps: 'TALLY_ODOO_RPS',
  shutdownGraceMs: 'TALLY_SHUTDOWN_GRACE_MS',
  schedulesFile: 'TALLY_SCHEDULES',
  // Recovery timings: how soon a killed worker's jobs and customers are taken over.
  jobLockMs: 'TALLY_JOB_LOCK_MS',
  stalledIntervalMs: 'TALLY_STALLED_INTERVAL_MS',
  customerLockTtlMs: 'TALLY_CUSTOMER_LOCK_TTL_MS',
  customerLockRetryMs: 'TALLY_CUSTOMER_LOCK_RETRY_MS',
  inlineLockWaitMs: 'TALLY_INLINE_LOCK_WAIT_MS',
  backoffMs: 'TALLY_RETRY_BACKOFF_MS',
} as const;

export const DEFAULT_QUEUE_PREFIX = '{tally}';

const int = (min: number) => z.coerce.number({ error: 'must be a number' }).int().min(min);

/** Age in seconds and count of finished jobs kept, as BullMQ's `KeepJobs`. */
const KeepJobsSchema = z.object({ age: int(1), count: int(1) });

export const QueueSettingsSchema = z.object({
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default(DEFAULT_REDIS_URL)
    .describe(`Redis for queues, locks and cursors. Default ${DEFAULT_REDIS_URL}.`),
  prefix: z
    .string()
    .regex(
      /^\{[^{}]+\}/,
      'must start with a Redis Cluster hash tag such as {tally}, so all keys share one slot',
    )
    .default(DEFAULT_QUEUE_PREFIX)
    .describe('Prefix of every Redis key; the hash tag keeps a queue in one Cluster slot.'),
  concurrency: int(1)
    .max(64)
    .default(2)
    .describe('Sync jobs one worker process runs at once. Default 2.'),
  odooRps: z.coerce
    .number({ error: 'must be a number' })
    .min(0)
    .default(10)
    .describe('Calls to Odoo per second, shared by all workers; 0 means no limit. Default 10.'),
  shutdownGraceMs: int(0)
    .default(30_000)
    .describe('On SIGTERM/SIGINT, how long running jobs may take to finish. Default 30000.'),
  schedulesFile: z
    .string()
    .min(1)
    .optional()
    .describe('Schedules file; default config/schedules.yaml when present.'),
  attempts: int(1).default(5).describe('Tries of a job that fails retryably. Default 5.'),
  backoffMs: int(1)
    .default(15_000)
    .describe('First retry delay, doubled each try (exponential). Default 15000.'),
  customerLockTtlMs: int(1_000)
    .default(60_000)
    .describe('Per-customer lock lifetime, renewed every third of it. Default 60000.'),
  customerLockRetryMs: int(1)
    .default(5_000)
    .describe('How long a job waits (delayed) when its customer is locked. Default 5000.'),
  inlineLockWaitMs: int(0)
    .default(300_000)
    .describe(
      'How long an inline sync or close-period waits for other runs on its customers. Default 300000.',
    ),
  jobLockMs: int(1_000)
    .default(30_000)
    .describe('BullMQ job lock; a worker that stops renewing it is stalled. Default 30000.'),
  stalledIntervalMs: int(100)
    .default(30_000)
    .describe('How often workers look for stalled jobs. Default 30000.'),
  keepCompleted: KeepJobsSchema.default({ age: 86_400, count: 1_000 }).describe(
    'Completed jobs are trimmed past this age (s) or count. Default 1 day, 1000.',
  ),
  keepFailed: KeepJobsSchema.default({ age: 30 * 86_400, count: 5_000 }).describe(
    'Failed jobs are kept with their reason this long (s) or this many. Default 30 days, 5000.',
  ),
});

export type QueueSettingsInput = z.input<typeof QueueSettingsSchema>;
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

/** Queue settings from the environment (QUEUE_ENV) plus overrides from flags or tests. */
export function loadQueueSettings(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<QueueSettingsInput> = {},
): QueueSettings {
  return settingsFromEnv(QueueSettingsSchema, QUEUE_ENV, env, overrides);
}
