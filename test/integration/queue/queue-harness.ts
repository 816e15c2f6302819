import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ALL_JOBS } from '../../../jobs';
import { connectRedis, closeRedis } from '../../../src/queue/connection';
import type { TallyJobHandlers } from '../../../src/queue/job-handlers';
import {
  loadQueueSettings,
  type QueueSettings,
  type QueueSettingsInput,
} from '../../../src/queue/queue-settings';
import { TallyQueues } from '../../../src/queue/tally-queues';
import {
  createWorkerRuntime,
  type WorkerRuntime,
  type WorkerRuntimeOptions,
} from '../../../src/queue/worker-runtime';
import { SecretScrubber } from '../../../src/shared/redact';
import { HANG_MS } from '../../support/hang';
import { deletePrefix } from '../../support/redis';
import { FAST } from './fast-settings';

export { FAST };

/** A hash-tagged prefix no other test file uses. */
export function uniqueQueuePrefix(label: string): string {
  return `{test-${label}-${randomUUID().slice(0, 8)}}`;
}

export interface QueueHarness {
  readonly redis: Redis;
  readonly settings: QueueSettings;
  readonly queues: TallyQueues;
  /** Starts a worker runtime that the harness closes after the test. */
  startWorker(
    handlers: TallyJobHandlers,
    extra?: Partial<Omit<WorkerRuntimeOptions, 'handlers'>>,
  ): WorkerRuntime;
}

/**
 * Real Redis, a unique prefix per test, every key deleted after it (style.md: queue behaviour on
 * real Redis, reset in afterEach).
 */
export function useQueueHarness(
  label: string,
  overrides: Partial<QueueSettingsInput> = {},
): () => QueueHarness {
  let harness: QueueHarness | undefined;
  let runtimes: WorkerRuntime[] = [];
  let redis: Redis | undefined;
  beforeAll(async () => {
    redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  beforeEach(() => {
    const connection = redis!;
    const settings = loadQueueSettings(
      {},
      { ...FAST, ...overrides, prefix: uniqueQueuePrefix(label) },
    );
    const queues = new TallyQueues(connection, settings);
    runtimes = [];
    harness = {
      redis: connection,
      settings,
      queues,
      startWorker: (handlers, extra = {}) => {
        const runtime = createWorkerRuntime({
          handlers,
          jobs: ALL_JOBS,
          redis: connection,
          settings,
          scrubber: new SecretScrubber(),
          ...extra,
        });
        runtimes.push(runtime);
        return runtime;
      },
    };
  });
  afterEach(async () => {
    await Promise.all(runtimes.map((runtime) => runtime.close(0)));
    if (harness !== undefined) {
      await harness.queues.close();
      await deletePrefix(harness.redis, harness.settings.prefix);
    }
  });
  afterAll(async () => {
    if (redis !== undefined) await closeRedis(redis);
  });
  return () => {
    if (harness === undefined)
      throw new Error('useQueueHarness() must be called at describe level');
    return harness;
  };
}

/** Polls until `check` returns a value other than undefined; only a hang makes it fail. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + HANG_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${HANG_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
