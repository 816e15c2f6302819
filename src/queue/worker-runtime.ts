import { Worker, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../shared/logger';
import type { SecretScrubber } from '../shared/redact';
import { closeRedis } from './connection';
import { CustomerLock, HeldLocks } from './customer-lock';
import { addFanOut } from './fan-out';
import type { AnyJobDefinition } from './job-definition';
import type { OdooCallGate, TallyJobHandlers } from './job-handlers';
import { LastRunStore } from './last-runs';
import { TallyMetrics } from './metrics';
import { QUEUES, type QueueName } from './names';
import { OdooRateLimiter } from './odoo-rate-limiter';
import type { QueueSettings } from './queue-settings';
import { runJob } from './run-job';
import { TallyQueues } from './tally-queues';
import { silentObserver, type WorkerObserver } from './worker-observer';

export interface WorkerRuntimeOptions {
  readonly handlers: TallyJobHandlers;
  /** The job kinds this worker runs (`ALL_JOBS` from `jobs/`). */
  readonly jobs: readonly AnyJobDefinition[];
  /** A shared connection (see `connectRedis`); the runtime never closes it. */
  readonly redis: Redis;
  readonly settings: QueueSettings;
  readonly scrubber: SecretScrubber;
  readonly logger?: Logger;
  readonly observer?: WorkerObserver;
  /** Shares the metrics with an Odoo call gate built before the runtime; built here when absent. */
  readonly metrics?: TallyMetrics;
  readonly queues?: TallyQueues;
  /** Worker name stored on the jobs it takes (host and pid by default). */
  readonly name?: string;
  /** The Odoo database the customer locks guard (`lockScopeOf`), shared with inline runs. */
  readonly lockScope?: string;
}

export interface WorkerRuntime {
  readonly queues: TallyQueues;
  readonly metrics: TallyMetrics;
  /** Jobs this process is running now. */
  running(): number;
  /**
   * Stops taking jobs and waits up to `graceMs` for running ones; jobs still running then are
   * abandoned (their BullMQ lock lapses and another worker picks them up as stalled).
   */
  close(graceMs?: number): Promise<WorkerClosed>;
}

export interface WorkerClosed {
  /** Every running job finished within the grace period. */
  readonly graceful: boolean;
  /** Jobs still running when the grace period ran out, left to be retried or taken over. */
  readonly unfinished: number;
}

// Jobs per queue: syncs fan out to many customers; closing and setup checks are rare and serial.
function concurrencyOf(queue: QueueName, settings: QueueSettings): number {
  return queue === QUEUES.sync ? settings.concurrency : 1;
}

/** The rate limit and call counter every Odoo client of this process goes through. */
export function createOdooCallGate(
  redis: Redis,
  settings: QueueSettings,
  metrics: TallyMetrics,
): OdooCallGate {
  const limiter = new OdooRateLimiter(redis, settings.prefix, settings.odooRps);
  return { acquire: () => limiter.acquire(), onCall: (trip) => metrics.recordOdooCall(trip) };
}

/**
 * Starts one BullMQ worker per queue that has job kinds, each dispatching by job name to its
 * definition. The one factory the `tally worker` command (and tests) use.
 */
export function createWorkerRuntime(options: WorkerRuntimeOptions): WorkerRuntime {
  const { settings, redis } = options;
  const logger = options.logger ?? silentLogger;
  const queues = options.queues ?? new TallyQueues(redis, settings);
  const metrics = options.metrics ?? new TallyMetrics(queues);
  const definitions = new Map(options.jobs.map((job) => [job.name as string, job]));
  const heldLocks = new HeldLocks();
  const deps = {
    definitions,
    handlers: options.handlers,
    lock: new CustomerLock(
      redis,
      settings.prefix,
      settings.customerLockTtlMs,
      heldLocks,
      options.lockScope,
    ),
    lockRetryMs: settings.customerLockRetryMs,
    lastRuns: new LastRunStore(redis, settings.prefix),
    metrics,
    observer: options.observer ?? silentObserver,
    scrubber: options.scrubber,
    fanOut: (flow: Parameters<typeof addFanOut>[1]) => addFanOut(queues, flow),
    now: () => Date.now(),
  };
  const queueNames = [...new Set(options.jobs.map((job) => job.queue))];
  // Each worker gets a connection of its own: BullMQ's forced disconnect cuts the worker's main
  // connection even when it was passed in shared, and the queues and locks still need theirs.
  const connections: Redis[] = [];
  let running = 0;
  const workers = queueNames.map((queue) => {
    const connection = redis.duplicate();
    connections.push(connection);
    const processor: Processor = async (job, token, signal) => {
      running += 1;
      try {
        return await runJob(deps, job, token, signal);
      } finally {
        running -= 1;
      }
    };
    const worker = new Worker(queue, processor, {
      connection,
      prefix: settings.prefix,
      concurrency: concurrencyOf(queue, settings),
      lockDuration: settings.jobLockMs,
      stalledInterval: settings.stalledIntervalMs,
      // One stall is forgiven (a killed worker); a job that stalls twice is failed, not looped.
      maxStalledCount: 1,
      removeOnComplete: settings.keepCompleted,
      removeOnFail: settings.keepFailed,
      ...(options.name === undefined ? {} : { name: options.name }),
    });
    worker.on('error', (error) =>
      logger.error('A queue worker hit an error; it keeps running.', {
        event: 'worker.error',
        queue,
        error,
      }),
    );
    return worker;
  });
  logger.info('Worker started.', { event: 'worker.started', queues: queueNames });

  let closing: Promise<WorkerClosed> | undefined;
  const close = async (graceMs = settings.shutdownGraceMs): Promise<WorkerClosed> => {
    const { graceful, unfinished } = await closeWithGrace(workers, graceMs, () => running);
    // Jobs cut off by a forced close may still hold customers; their locks must lapse, not linger.
    if (!graceful) heldLocks.abandonAll();
    await Promise.all(connections.map((connection) => closeRedis(connection)));
    if (options.queues === undefined) await queues.close();
    return { graceful, unfinished };
  };
  return {
    queues,
    metrics,
    running: () => running,
    close: (graceMs) => (closing ??= close(graceMs)),
  };
}

/** After the grace period, how long aborted jobs get to wind down before connections are cut. */
const ABORT_WAIT_MS = 1_000;

const delay = (ms: number) =>
  new Promise<'expired'>((resolve) => setTimeout(() => resolve('expired'), ms).unref());

/**
 * Closes every worker: no new jobs, running ones may finish within `graceMs`. Jobs still running
 * then get their abort signal and a moment to stop; after that the workers' connections are cut,
 * their BullMQ locks lapse, and another worker picks the jobs up as stalled.
 */
async function closeWithGrace(
  workers: readonly Worker[],
  graceMs: number,
  running: () => number,
): Promise<WorkerClosed> {
  const closing = Promise.all(workers.map((worker) => worker.close())).then(
    () => 'closed' as const,
  );
  if ((await Promise.race([closing, delay(graceMs)])) === 'closed')
    return { graceful: true, unfinished: 0 };
  const unfinished = running();
  for (const worker of workers) worker.cancelAllJobs('the worker is shutting down');
  if ((await Promise.race([closing, delay(ABORT_WAIT_MS)])) !== 'closed')
    await Promise.all(workers.map((worker) => worker.disconnect()));
  return { graceful: false, unfinished };
}
