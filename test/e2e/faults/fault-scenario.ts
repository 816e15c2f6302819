/**
 * What the fault tests share: the write scenario in a sandbox of this process, the environment of a
 * `tally worker` child with short recovery timings, queues to enqueue and watch the run, and the
 * sandbox state to compare with an uninterrupted run.
 */
import { randomUUID } from 'node:crypto';
import { closeRedis, connectRedis } from '../../../src/queue/connection';
import { enqueueJob } from '../../../src/queue/enqueue';
import { JOBS, QUEUES } from '../../../src/queue/names';
import { loadQueueSettings } from '../../../src/queue/queue-settings';
import { TallyQueues } from '../../../src/queue/tally-queues';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { SCENARIO_NOW } from '../../integration/sync/connect';
import { writeScenario } from '../../integration/write/write-scenario';
import { HANG_MS } from '../../support/hang';
import { deletePrefix } from '../../support/redis';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { WorkerProcess } from './worker-process';

/** The scenario's month: a finished period, so every run plans it whole (no cursor). */
export const PERIOD = '2026-01';

export const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A hash-tagged queue prefix no other test uses. */
export function faultPrefix(label: string): string {
  return `{fault-${label}-${randomUUID().slice(0, 8)}}`;
}

/** The write scenario, with Tally's fields installed as `tally setup` would. */
export async function scenarioSandbox(latencyMs = 0): Promise<Sandbox> {
  const sandbox = await startSandbox({
    port: 0,
    seed: writeScenario(),
    clock: SCENARIO_NOW,
    faults: { latencyMs },
  });
  installTallyFields(sandbox);
  return sandbox;
}

/**
 * A worker's environment: the sandbox, a Redis and prefix, JSON logs, and recovery timings short
 * enough for a test (a killed worker's job lock lapses in 2 s, stalled jobs are looked for every
 * 0.5 s, retries wait 0.2 s). Odoo calls time out only when they hang: a call the sandbox of a
 * busy test process answers late must not fail the run.
 */
export function workerEnv(
  sandbox: Sandbox,
  redisUrl: string,
  prefix: string,
): Record<string, string> {
  return {
    ODOO_URL: sandbox.url,
    ODOO_DB: sandbox.db,
    ODOO_LOGIN: sandbox.login,
    ODOO_API_KEY: sandbox.apiKey,
    ODOO_TIMEOUT_MS: String(HANG_MS),
    REDIS_URL: redisUrl,
    TALLY_QUEUE_PREFIX: prefix,
    TALLY_ODOO_RPS: '0',
    TALLY_LOG_FORMAT: 'json',
    TALLY_SHUTDOWN_GRACE_MS: '3000',
    TALLY_JOB_LOCK_MS: '2000',
    TALLY_STALLED_INTERVAL_MS: '500',
    TALLY_CUSTOMER_LOCK_TTL_MS: '2000',
    TALLY_CUSTOMER_LOCK_RETRY_MS: '100',
    TALLY_RETRY_BACKOFF_MS: '200',
  };
}

/** The queues as the test sees them (to enqueue and to wait), on their own connection. */
export interface TestQueues {
  readonly queues: TallyQueues;
  /** Deletes every key under the prefix, then disconnects. */
  dispose(): Promise<void>;
}

export async function openTestQueues(redisUrl: string, prefix: string): Promise<TestQueues> {
  const redis = await connectRedis(redisUrl);
  const queues = new TallyQueues(redis, loadQueueSettings({}, { redisUrl, prefix }));
  // Redis may be down for a while on purpose; the polls wait it out instead of printing errors.
  for (const queue of queues.all()) queue.on('error', () => undefined);
  queues.flows.on('error', () => undefined);
  return {
    queues,
    dispose: async () => {
      await queues.close();
      await deletePrefix(redis, prefix);
      await closeRedis(redis);
    },
  };
}

type RunKind = 'sync' | 'close-period';

/** Queues a run of the scenario's period, as `tally sync|close-period --enqueue --period` does. */
export async function enqueueRun(queues: TallyQueues, kind: RunKind = 'sync'): Promise<string> {
  return (await enqueueJob(queues, kind, { period: PERIOD })).jobId;
}

/** The flow parent of each run kind: it completes once every customer of the period is done. */
const SUMMARY_OF = {
  sync: { queue: QUEUES.sync, name: JOBS.syncSummary },
  'close-period': { queue: QUEUES.closePeriod, name: JOBS.closePeriodSummary },
} as const;

/** What a run's flow parent reports. */
export interface RunSummary {
  readonly customers: number;
  readonly completed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly lines: { created: number; updated: number; removed: number };
}

/** Resolves with the first `count` completed summaries of `kind` runs, oldest first. */
export async function waitForSummaries(
  queues: TallyQueues,
  count: number,
  options: { readonly kind?: RunKind; readonly describe?: () => string } = {},
): Promise<RunSummary[]> {
  const summary = SUMMARY_OF[options.kind ?? 'sync'];
  const queue = queues.queue(summary.queue);
  const deadline = Date.now() + HANG_MS;
  for (;;) {
    const done = (await queue.getJobs(['completed']))
      .filter((job) => job.name === summary.name)
      .sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0));
    if (done.length >= count)
      return done.slice(0, count).map((job) => job.returnvalue as RunSummary);
    if (Date.now() > deadline) {
      const counts = await queue.getJobCounts();
      throw new Error(
        `${done.length} of ${count} runs finished within ${HANG_MS} ms (${JSON.stringify(counts)})\n${options.describe?.() ?? ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh worker on `env`, and the summary of the one run it finishes after `before` stopped. */
export async function rescueRun(
  queues: TallyQueues,
  env: Readonly<Record<string, string>>,
  before: WorkerProcess,
): Promise<{ rescuer: WorkerProcess; summary: RunSummary | undefined }> {
  const rescuer = await WorkerProcess.start('rescuer', env);
  const [summary] = await waitForSummaries(queues, 1, {
    describe: () => before.output() + rescuer.output(),
  });
  return { rescuer, summary };
}

/** Resolves once `ready()` holds, polling the sandbox every 5 ms. */
export async function until(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * `tallyState` with activities on invoices named by the invoice's key: customers run in parallel,
 * so invoice database ids differ between two correct runs; every other id in it is seeded.
 */
export function comparableState(sandbox: Sandbox) {
  const state = tallyState(sandbox);
  const moves = sandbox.store.searchRead(
    'account.move',
    [['x_tally_key', '!=', false]],
    ['x_tally_key'],
  ) as { id: number; x_tally_key: string }[];
  const keyOf = new Map(moves.map((move) => [move.id, move.x_tally_key]));
  const activities = state.activities
    .map(([model, id, ...rest]) => [
      model,
      model === 'account.move' ? (keyOf.get(id as number) ?? `unkeyed move ${String(id)}`) : id,
      ...rest,
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { ...state, activities };
}

/** Invoice line keys that occur more than once across all Tally drafts (should be none). */
export function duplicateLineKeys(state: ReturnType<typeof comparableState>): string[] {
  const seen = new Map<string, number>();
  for (const invoice of state.invoices)
    for (const [key] of invoice.lines) seen.set(String(key), (seen.get(String(key)) ?? 0) + 1);
  return [...seen].filter(([, times]) => times > 1).map(([key]) => key);
}

/**
 * Uninterrupted runs by one worker process, one after the other (a sync by default): the state
 * every faulty run must end in.
 */
export async function referenceRun(kinds: readonly RunKind[] = ['sync']): Promise<{
  state: ReturnType<typeof comparableState>;
  /** Odoo calls of the run, and how many of them wrote. */
  calls: number;
  writes: number;
}> {
  const sandbox = await scenarioSandbox();
  const prefix = faultPrefix('reference');
  const test = await openTestQueues(SHARED_REDIS_URL, prefix);
  const worker = await WorkerProcess.start(
    'reference',
    workerEnv(sandbox, SHARED_REDIS_URL, prefix),
  );
  try {
    for (const kind of kinds) {
      await enqueueRun(test.queues, kind);
      const [summary] = await waitForSummaries(test.queues, 1, {
        kind,
        describe: () => worker.output(),
      });
      if (summary?.failed !== 0)
        throw new Error(`the reference ${kind} failed:\n${worker.output()}`);
    }
    return {
      state: comparableState(sandbox),
      calls: sandbox.stats.total,
      writes: sandbox.stats.writes,
    };
  } finally {
    await worker.stop('SIGTERM');
    await test.dispose();
    await sandbox.close();
  }
}
