import { QUEUES } from '../../src/queue/names';
import { runCli } from '../support/cli';
import { tallyState } from '../support/tally-state';
import {
  comparableState,
  faultPrefix,
  openTestQueues,
  PERIOD,
  scenarioSandbox,
  SHARED_REDIS_URL,
  waitForSummaries,
  workerEnv,
  type TestQueues,
} from './faults/fault-scenario';
import { killLeftoverWorkers, WorkerProcess } from './faults/worker-process';

const prefix = faultPrefix('enqueue-cli');
// Queueing needs Redis only: no Odoo settings at all, as on an admin's machine.
const env = { REDIS_URL: SHARED_REDIS_URL, TALLY_QUEUE_PREFIX: prefix };
let test: TestQueues;

beforeAll(async () => {
  test = await openTestQueues(SHARED_REDIS_URL, prefix);
});

afterAll(async () => {
  await killLeftoverWorkers();
  await test.dispose();
});

const queuedId = (stdout: string) => /as job (\S+) on /.exec(stdout)?.[1];

describe('tally sync --enqueue and tally close-period --enqueue (built CLI, real Redis)', () => {
  it('queues a sync once: asking again while it waits names the same job', async () => {
    const first = await runCli(['sync', '--enqueue', '--period', PERIOD], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^Queued the sync of ${PERIOD} as job \\S+ on redis://\\S+ \\(prefix \\{fault-`),
    );
    const jobId = queuedId(first.stdout);
    const job = await test.queues.queue(QUEUES.sync).getJob(jobId!);
    expect(job?.name).toBe('sync');
    expect(job?.data).toEqual({ period: PERIOD, full: false });

    const again = await runCli(['sync', '--enqueue', '--period', PERIOD, '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ job: 'sync', jobId, added: false });
    expect(await test.queues.queue(QUEUES.sync).getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('queues the current period by default, with --full', async () => {
    const result = await runCli(['sync', '--enqueue', '--full', '--json'], env);
    expect(result.code).toBe(0);
    const { jobId, added } = JSON.parse(result.stdout) as { jobId: string; added: boolean };
    expect(added).toBe(true);
    const job = await test.queues.queue(QUEUES.sync).getJob(jobId);
    expect(job?.data).toEqual({ period: 'current', full: true });
    await job?.remove();
  });

  it('queues a close of the period once', async () => {
    const first = await runCli(['close-period', '--period', PERIOD, '--enqueue'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^Queued the close of ${PERIOD} as job \\S+`));
    const jobId = queuedId(first.stdout);
    const job = await test.queues.queue(QUEUES.closePeriod).getJob(jobId!);
    expect(job?.name).toBe('close-period');
    expect(job?.data).toEqual({ period: PERIOD });

    const again = await runCli(['close-period', '--period', PERIOD, '--enqueue'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(
        `^The close of ${PERIOD} is already queued or running as job ${jobId!} on .*; nothing added\\.`,
      ),
    );
  });

  it.each([
    [['sync', '--enqueue', '--customer', '4'], /--enqueue cannot be combined with --customer/],
    [
      ['sync', '--enqueue', '--dry-run'],
      /--enqueue cannot be combined with --customer or --dry-run/,
    ],
    [['close-period', '--period', PERIOD, '--enqueue', '--customer', '4'], /leave out --enqueue/],
    [['close-period', '--enqueue'], /--period: is required \(YYYY-MM\)/],
  ])('refuses %j with exit status 2', async (args, message) => {
    const result = await runCli(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('a worker runs what was queued: the same drafts as closing the period inline', async () => {
    const queued = await scenarioSandbox();
    const inline = await scenarioSandbox();
    try {
      const worker = await WorkerProcess.start(
        'worker',
        workerEnv(queued, SHARED_REDIS_URL, prefix),
      );
      const summaries = [
        ...(await waitForSummaries(test.queues, 1, { describe: () => worker.output() })),
        ...(await waitForSummaries(test.queues, 1, {
          kind: 'close-period',
          describe: () => worker.output(),
        })),
      ];
      expect(summaries.map((summary) => summary.failed)).toEqual([0, 0]);
      expect(await worker.stop('SIGTERM')).toBe(0);

      const closed = await runCli(['close-period', '--period', PERIOD], {
        ODOO_URL: inline.url,
        ODOO_DB: inline.db,
        ODOO_LOGIN: inline.login,
        ODOO_API_KEY: inline.apiKey,
      });
      expect(closed.code).toBe(0);
      expect(tallyState(queued).activities.length).toBeGreaterThan(0);
      expect(comparableState(queued)).toEqual(comparableState(inline));
    } finally {
      await queued.close();
      await inline.close();
    }
  });
});
