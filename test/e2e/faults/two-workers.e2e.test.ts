import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QUEUES } from '../../../src/queue/names';
import { listSchedules, removeSchedule } from '../../../src/queue/schedulers';
import type { TallyQueues } from '../../../src/queue/tally-queues';
import { HANG_MS } from '../../support/hang';
import {
  comparableState,
  duplicateLineKeys,
  faultPrefix,
  openTestQueues,
  PERIOD,
  referenceRun,
  scenarioSandbox,
  SHARED_REDIS_URL,
  waitForSummaries,
  workerEnv,
} from './fault-scenario';
import { killLeftoverWorkers, WorkerProcess, type WorkerLogLine } from './worker-process';

/**
 * Both kinds every second: their customer jobs have different dedup ids, so a sync and a close of
 * one customer are often due at once and only the customer lock keeps them apart.
 */
const SCHEDULES = [
  { id: 'sync:fault-every-second', job: 'sync' },
  { id: 'close-period:fault-every-second', job: 'close-period' },
] as const;
/** Odoo answers this slowly here, so a run lasts longer than the schedules' one-second tick. */
const LATENCY_MS = 10;
const RUNS = 3;

/** While a job held its customer: from its start to its completion, as one worker logged them. */
interface Holding {
  readonly worker: string;
  readonly jobId: string;
  readonly customerId: number;
  readonly from: number;
  readonly to: number;
}

const ENDS = new Set(['job.completed', 'job.retrying', 'job.failed']);

// "Started" is logged after the customer lock is taken and "completed" before it is released, so
// these intervals lie inside the lock's holding and must never overlap for one customer.
function holdings(worker: WorkerProcess): Holding[] {
  const open = new Map<string, WorkerLogLine>();
  const result: Holding[] = [];
  for (const line of worker.logs()) {
    if (line.customerId === undefined || line.jobId === undefined) continue;
    if (line.event === 'job.started') open.set(line.jobId, line);
    const start = open.get(line.jobId);
    if (ENDS.has(line.event) && start !== undefined) {
      open.delete(line.jobId);
      result.push({
        worker: worker.label,
        jobId: line.jobId,
        customerId: line.customerId,
        from: Date.parse(start.timestamp),
        to: Date.parse(line.timestamp),
      });
    }
  }
  return result;
}

/** Pairs of holdings of one customer that overlap in time (should be none). */
function overlaps(all: readonly Holding[]): string[] {
  const found: string[] = [];
  for (const customerId of new Set(all.map((holding) => holding.customerId))) {
    const sorted = all
      .filter((holding) => holding.customerId === customerId)
      .sort((a, b) => a.from - b.from);
    sorted.forEach((holding, index) => {
      const previous = sorted[index - 1];
      if (previous !== undefined && holding.from < previous.to)
        found.push(
          `customer ${customerId}: ${previous.worker} ${previous.jobId} and ${holding.worker} ${holding.jobId}`,
        );
    });
  }
  return found;
}

async function waitUntilIdle(queues: TallyQueues): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  for (;;) {
    const counts = await Promise.all(
      [QUEUES.sync, QUEUES.closePeriod].map((name) =>
        queues
          .queue(name)
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
      ),
    );
    if (counts.every((byState) => Object.values(byState).every((count) => count === 0))) return;
    if (Date.now() > deadline) throw new Error(`queues still busy: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two workers on the same schedule (built CLI, sandbox, Redis)', () => {
  let reference: Awaited<ReturnType<typeof referenceRun>>;
  let dir: string;

  beforeAll(async () => {
    reference = await referenceRun(['sync', 'close-period']);
    dir = mkdtempSync(path.join(tmpdir(), 'tally-schedules-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(killLeftoverWorkers);

  it('write no line twice, and never write one customer at the same time', async () => {
    const file = path.join(dir, 'schedules.yaml');
    writeFileSync(
      file,
      [
        'schedules:',
        ...SCHEDULES.flatMap(({ id, job }) => [
          `  - id: ${id}`,
          `    job: ${job}`,
          "    cron: '* * * * * *'",
          '    tz: Europe/Stockholm',
          `    payload: { period: '${PERIOD}' }`,
        ]),
        '',
      ].join('\n'),
    );
    const sandbox = await scenarioSandbox(LATENCY_MS);
    const prefix = faultPrefix('two-workers');
    const test = await openTestQueues(SHARED_REDIS_URL, prefix);
    try {
      const env = workerEnv(sandbox, SHARED_REDIS_URL, prefix);
      const workers = await Promise.all(
        ['first', 'second'].map((label) =>
          WorkerProcess.start(label, env, ['--schedules', file, '--concurrency', '2']),
        ),
      );
      const describe = () => workers.map((worker) => worker.output()).join('\n');
      const summaries = [
        ...(await waitForSummaries(test.queues, RUNS, { describe })),
        ...(await waitForSummaries(test.queues, RUNS, { kind: 'close-period', describe })),
      ];
      // Both applied the file: still one scheduler per schedule, not one per worker.
      expect((await listSchedules(test.queues)).map((view) => view.id).sort()).toEqual(
        SCHEDULES.map(({ id }) => id).sort(),
      );
      for (const { id } of SCHEDULES) await removeSchedule(test.queues, id);
      await waitUntilIdle(test.queues);
      for (const worker of workers) expect(await worker.stop('SIGTERM')).toBe(0);

      for (const summary of summaries) expect(summary.failed).toBe(0);
      const state = comparableState(sandbox);
      expect(state.duplicateKeys).toBe(0);
      expect(duplicateLineKeys(state)).toEqual([]);
      expect(state).toEqual(reference.state);

      const all = workers.flatMap(holdings);
      // Both workers wrote customers, so the test says something about two writers.
      for (const worker of workers)
        expect(all.filter((holding) => holding.worker === worker.label).length).toBeGreaterThan(0);
      // Syncs and closes of one customer did meet: jobs waited for the lock, and never overlapped.
      const waits = workers.flatMap((worker) =>
        worker.logs().filter((line) => line.event === 'job.waiting'),
      );
      expect(waits.length).toBeGreaterThan(0);
      expect(overlaps(all)).toEqual([]);
      // No job ran twice: every job id was started by one worker, once.
      const started = workers.flatMap((worker) =>
        worker.logs().filter((line) => line.event === 'job.started'),
      );
      expect(new Set(started.map((line) => line.jobId)).size).toBe(started.length);
    } finally {
      await killLeftoverWorkers();
      await test.dispose();
      await sandbox.close();
    }
  });
});
