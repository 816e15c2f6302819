import {
  comparableState,
  duplicateLineKeys,
  enqueueRun,
  faultPrefix,
  openTestQueues,
  referenceRun,
  rescueRun,
  scenarioSandbox,
  SHARED_REDIS_URL,
  until,
  waitForSummaries,
  workerEnv,
} from './fault-scenario';
import { killLeftoverWorkers, WorkerProcess, type WorkerLogLine } from './worker-process';

/** A reproducible fraction in [0, 1) per seed (a few rounds of xorshift32). */
function seededFraction(seed: number): number {
  let x = seed >>> 0 || 1;
  for (let round = 0; round < 8; round += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
  }
  return x / 2 ** 32;
}

/**
 * Where each kill lands. `write`: after a seeded number of committed writes, with the next write
 * left unanswered. `call`: at a seeded Odoo call of any kind (login, read or write), which runs
 * and commits but whose answer never comes. Cuts are spread over the run: the i-th of n cases of
 * a kind falls in the i-th n-th of its writes or calls.
 */
const CASES = [
  { seed: 7, at: 'write' },
  { seed: 19, at: 'call' },
  { seed: 2026, at: 'write' },
  { seed: 40_961, at: 'call' },
] as const;

function cutPoint(seed: number, at: 'write' | 'call', total: number): number {
  const ofKind = CASES.filter((entry) => entry.at === at);
  const index = ofKind.findIndex((entry) => entry.seed === seed);
  return Math.floor(((index + seededFraction(seed)) / ofKind.length) * total);
}

/** Jobs a worker started but did not finish (what a kill cut short). */
function cutShort(logs: readonly WorkerLogLine[]): string[] {
  const open = new Set<string>();
  for (const line of logs) {
    if (line.jobId === undefined) continue;
    if (line.event === 'job.started') open.add(line.jobId);
    if (['job.completed', 'job.retrying', 'job.failed'].includes(line.event))
      open.delete(line.jobId);
  }
  return [...open];
}

const startedJobs = (logs: readonly WorkerLogLine[]) =>
  logs.filter((line) => line.event === 'job.started').map((line) => line.jobId);

describe('SIGKILL of the worker process mid-sync (built CLI, sandbox, Redis)', () => {
  let reference: Awaited<ReturnType<typeof referenceRun>>;

  beforeAll(async () => {
    reference = await referenceRun();
  });

  afterEach(killLeftoverWorkers);

  it('has an uninterrupted run with enough writes to cut', () => {
    expect(reference.writes).toBeGreaterThan(10);
    expect(reference.state.invoices.length).toBeGreaterThan(2);
  });

  it.each(CASES)(
    'seed $seed: killed at a seeded $at, a restarted worker ends in the uninterrupted state',
    async ({ seed, at }) => {
      const sandbox = await scenarioSandbox();
      const prefix = faultPrefix(`sigkill-${seed}`);
      const test = await openTestQueues(SHARED_REDIS_URL, prefix);
      try {
        const env = workerEnv(sandbox, SHARED_REDIS_URL, prefix);
        const cut = cutPoint(seed, at, at === 'write' ? reference.writes : reference.calls);
        // The call at the cut hangs, so the worker is caught mid-sync when it is killed.
        if (at === 'write') sandbox.faults.abortAfterWrites(cut, 'timeout');
        else sandbox.faults.failCall({ nth: cut + 1, kind: 'timeout', afterCommit: true });
        const doomed = await WorkerProcess.start('doomed', env);
        await enqueueRun(test.queues);
        await until(
          () => (at === 'write' ? sandbox.stats.writes : sandbox.stats.total) > cut,
          `${at} ${cut + 1} of the sync`,
        );
        await doomed.stop('SIGKILL');
        const interrupted = cutShort(doomed.logs());
        expect(interrupted.length).toBeGreaterThan(0);
        sandbox.faults.reset();

        const { rescuer, summary } = await rescueRun(test.queues, env, doomed);
        expect(summary).toMatchObject({ failed: 0, skipped: 0 });
        expect(summary!.completed).toBe(summary!.customers);
        // The jobs the kill cut short were taken over as stalled and finished by the new worker.
        expect(startedJobs(rescuer.logs())).toEqual(expect.arrayContaining(interrupted));

        const state = comparableState(sandbox);
        expect(state.duplicateKeys).toBe(0);
        expect(duplicateLineKeys(state)).toEqual([]);
        expect(state).toEqual(reference.state);

        // And the recovered drafts are final: another sync writes nothing.
        const writes = sandbox.stats.writes;
        await enqueueRun(test.queues);
        await waitForSummaries(test.queues, 2, { describe: () => rescuer.output() });
        expect(sandbox.stats.writes).toBe(writes);
        expect(await rescuer.stop('SIGTERM')).toBe(0);
      } finally {
        await killLeftoverWorkers();
        await test.dispose();
        await sandbox.close();
      }
    },
  );
});
