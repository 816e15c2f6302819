import { createServer, type Server } from 'node:net';
import type { Sandbox } from '../../../src/sandbox';
import { QUEUES } from '../../../src/queue/names';
import { runCli } from '../../support/cli';
import {
  enqueueRun,
  faultPrefix,
  openTestQueues,
  rescueRun,
  scenarioSandbox,
  SHARED_REDIS_URL,
  until,
  workerEnv,
  type TestQueues,
} from './fault-scenario';
import { killLeftoverWorkers, WorkerProcess, type WorkerLogLine } from './worker-process';

let sandbox: Sandbox;
let test: TestQueues;
let env: Record<string, string>;

beforeEach(async () => {
  sandbox = await scenarioSandbox();
  const prefix = faultPrefix('stop');
  test = await openTestQueues(SHARED_REDIS_URL, prefix);
  env = workerEnv(sandbox, SHARED_REDIS_URL, prefix);
});

afterEach(async () => {
  await killLeftoverWorkers();
  await test.dispose();
  await sandbox.close();
});

const eventOf = (worker: WorkerProcess, event: string): WorkerLogLine | undefined =>
  worker.logs().find((line) => line.event === event);

/** A port on 127.0.0.1 held by another program, as a second worker's dashboard would. */
async function takenPort(): Promise<Server & { port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return Object.assign(server, { port: address.port });
}

describe('tally worker --dashboard whose address cannot be bound (built CLI, real Redis)', () => {
  it('exits 1 naming the taken port and TALLY_DASHBOARD_PORT, and takes no job', async () => {
    const holder = await takenPort();
    try {
      const jobId = await enqueueRun(test.queues);
      const run = await runCli(['worker', '--dashboard', '--no-schedules'], {
        ...env,
        TALLY_DASHBOARD_PORT: String(holder.port),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `tally: The dashboard could not listen on 127.0.0.1:${holder.port}: another program already uses that port; set TALLY_DASHBOARD_PORT`,
      );
      expect(run.stdout).not.toContain('Press Ctrl+C');
      expect(await test.queues.queue(QUEUES.sync).getJobState(jobId)).toBe('waiting');
      expect(sandbox.stats.total).toBe(0);
    } finally {
      holder.close();
    }
  });

  it('exits 1 naming TALLY_DASHBOARD_HOST when the host is not an address of this machine', async () => {
    const run = await runCli(['worker', '--dashboard', '--no-schedules'], {
      ...env,
      // TEST-NET-1 (RFC 5737): never an address of this machine.
      TALLY_DASHBOARD_HOST: '192.0.2.1',
      TALLY_DASHBOARD_PORT: '0',
      TALLY_DASHBOARD_TOKEN: 'a-long-dashboard-token-for-tests',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The dashboard could not listen on 192.0.2.1:0');
    expect(run.stderr).toContain('set TALLY_DASHBOARD_HOST');
  });
});

describe('tally worker stopped by a signal (built CLI, sandbox, real Redis)', () => {
  it('drains at once and exits 0 on one SIGTERM when idle', async () => {
    const worker = await WorkerProcess.start('idle', { ...env, TALLY_DASHBOARD_PORT: '0' }, [
      '--dashboard',
      '--no-schedules',
    ]);
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(eventOf(worker, 'worker.draining')).toMatchObject({ running: 0, graceMs: 3000 });
    expect(eventOf(worker, 'worker.stopped')).toMatchObject({
      graceful: true,
      message: expect.stringContaining('Drained') as string,
    });
  });

  it('on one SIGINT lets a running job finish within the grace, then exits 0', async () => {
    // Slow Odoo answers keep the job running when the signal comes; then they are fast again.
    sandbox.faults.setLatency(500);
    const worker = await WorkerProcess.start('finisher', {
      ...env,
      TALLY_SHUTDOWN_GRACE_MS: '60000',
    });
    await enqueueRun(test.queues);
    await until(
      () => worker.logs().some((line) => line.event === 'job.started' && 'customerId' in line),
      "a customer's job",
    );
    worker.child.kill('SIGINT');
    await until(() => eventOf(worker, 'worker.draining') !== undefined, 'the drain');
    sandbox.faults.setLatency(0);

    expect(await worker.exited).toBe(0);
    const draining = eventOf(worker, 'worker.draining')!;
    expect(draining).toMatchObject({ signal: 'SIGINT', graceMs: 60_000 });
    expect(draining.running).toBeGreaterThan(0);
    expect(eventOf(worker, 'worker.stopped')).toMatchObject({ graceful: true, unfinished: 0 });
    const started = worker.logs().filter((line) => line.event === 'job.started');
    const completed = worker.logs().filter((line) => line.event === 'job.completed');
    expect(completed.map((line) => line.jobId).sort()).toEqual(
      started.map((line) => line.jobId).sort(),
    );
  });

  it('on one SIGTERM leaves a job that outlives the grace for another worker, and exits 0', async () => {
    // Every write's answer is lost, so the job cannot finish before the grace runs out.
    sandbox.faults.abortAfterWrites(0, 'timeout');
    const doomed = await WorkerProcess.start('drained', { ...env, TALLY_SHUTDOWN_GRACE_MS: '300' });
    await enqueueRun(test.queues);
    await until(() => sandbox.stats.writes > 0, 'the first write');

    expect(await doomed.stop('SIGTERM')).toBe(0);
    const draining = eventOf(doomed, 'worker.draining')!;
    expect(draining).toMatchObject({ signal: 'SIGTERM', graceMs: 300 });
    expect(draining.running).toBeGreaterThan(0);
    const stopped = eventOf(doomed, 'worker.stopped')!;
    expect(stopped.graceful).toBe(false);
    expect(stopped.unfinished).toBeGreaterThan(0);
    expect(stopped.unfinished).toBeLessThanOrEqual(draining.running as number);
    expect(stopped.message).toContain('left unfinished, to be retried or taken over');

    sandbox.faults.reset();
    const { rescuer, summary } = await rescueRun(test.queues, env, doomed);
    expect(summary).toMatchObject({ failed: 0, skipped: 0 });
    expect(summary!.completed).toBe(summary!.customers);
    expect(await rescuer.stop('SIGTERM')).toBe(0);
  });

  it('stops at once with exit 1 on a second SIGTERM during the drain, saying so', async () => {
    sandbox.faults.abortAfterWrites(0, 'timeout');
    const worker = await WorkerProcess.start('impatient', {
      ...env,
      TALLY_SHUTDOWN_GRACE_MS: '600000',
    });
    await enqueueRun(test.queues);
    await until(() => sandbox.stats.writes > 0, 'the first write');
    worker.child.kill('SIGTERM');
    await until(() => eventOf(worker, 'worker.draining') !== undefined, 'the drain');

    expect(await worker.stop('SIGTERM')).toBe(1);
    const stopped = eventOf(worker, 'worker.stopped')!;
    expect(stopped).toMatchObject({ graceful: false, signal: 'SIGTERM' });
    expect(stopped.message).toContain('received again: stopping at once');
  });
});
