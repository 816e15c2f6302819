import {
  comparableState,
  duplicateLineKeys,
  enqueueRun,
  faultPrefix,
  openTestQueues,
  referenceRun,
  scenarioSandbox,
  until,
  waitForSummaries,
  workerEnv,
} from './fault-scenario';
import { PrivateRedis } from './private-redis';
import { killLeftoverWorkers, WorkerProcess } from './worker-process';

/** Odoo answers this slowly here, so the sync is still running when Redis goes away. */
const LATENCY_MS = 15;
/**
 * How long Redis stays down: well within the 2 s job and customer locks of `workerEnv`, and past
 * them, so the locks lapse while the jobs still run and the jobs are found stalled on return.
 */
const OUTAGES = [
  { downtimeMs: 1_000, label: 'shorter than the locks' },
  { downtimeMs: 3_500, label: 'longer than the locks' },
];

describe('Redis restarted during a sync (built CLI, private redis-server, sandbox)', () => {
  let reference: Awaited<ReturnType<typeof referenceRun>>;
  let redis: PrivateRedis | undefined;

  beforeAll(async () => {
    reference = await referenceRun();
  });

  afterEach(async () => {
    await killLeftoverWorkers();
    await redis?.dispose();
    redis = undefined;
  });

  it.each(OUTAGES)(
    'down $label: the worker reconnects and finishes; nothing is lost or written twice',
    async ({ downtimeMs }) => {
      redis = await PrivateRedis.start();
      const sandbox = await scenarioSandbox(LATENCY_MS);
      const prefix = faultPrefix('redis-restart');
      // The test's own connection rides through the restart too (it reconnects like the worker's).
      const test = await openTestQueues(redis.url, prefix);
      try {
        const worker = await WorkerProcess.start('worker', workerEnv(sandbox, redis.url, prefix));
        await enqueueRun(test.queues);
        await until(
          () => sandbox.stats.writes >= Math.floor(reference.writes / 3),
          'a third of the sync written',
        );
        await redis.stop('save');
        const writesWhileDown = sandbox.stats.writes;
        await new Promise((resolve) => setTimeout(resolve, downtimeMs));
        await redis.startServer();
        expect(worker.running).toBe(true);

        const [summary] = await waitForSummaries(test.queues, 1, {
          describe: () => worker.output(),
        });
        expect(summary).toMatchObject({ failed: 0, skipped: 0 });
        expect(summary!.completed).toBe(summary!.customers);
        // The outage really fell inside the sync: Odoo was written before and after it.
        expect(writesWhileDown).toBeLessThan(reference.writes);
        expect(worker.logs().some((line) => line.event === 'worker.error')).toBe(true);

        const state = comparableState(sandbox);
        expect(state.duplicateKeys).toBe(0);
        expect(duplicateLineKeys(state)).toEqual([]);
        expect(state).toEqual(reference.state);
        expect(await worker.stop('SIGTERM')).toBe(0);
      } finally {
        await test.dispose();
        await sandbox.close();
      }
    },
  );
});
