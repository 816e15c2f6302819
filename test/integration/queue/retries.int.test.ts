import type { Job } from 'bullmq';
import { LastRunStore } from '../../../src/queue/last-runs';
import { JOBS, QUEUES } from '../../../src/queue/names';
import { SecretScrubber } from '../../../src/shared/redact';
import { FakeHandlers } from './fake-handlers';
import { FakeAccessError, FakeTimeoutError } from './fake-errors';
import { eventually, useQueueHarness, type QueueHarness } from './queue-harness';

const harness = useQueueHarness('retries');

async function addSyncCustomer(h: QueueHarness, data: Record<string, unknown>): Promise<Job> {
  return h.queues.queue(QUEUES.sync).add(JOBS.syncCustomer, data);
}

async function settled(h: QueueHarness, job: Job): Promise<Job> {
  const queue = h.queues.queue(QUEUES.sync);
  return eventually(async () => {
    const current = await queue.getJob(job.id!);
    return current?.finishedOn === undefined ? undefined : current;
  }, `job ${job.id} finished`);
}

describe('retries', () => {
  it('retries a retryable failure with backoff and then completes', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    handlers.failNext(new FakeTimeoutError(), new FakeTimeoutError());
    const job = await addSyncCustomer(h, { period: '2026-11', customerId: 9, full: false });
    h.startWorker(handlers);

    const done = await settled(h, job);
    expect(await done.getState()).toBe('completed');
    expect(done.attemptsMade).toBe(3);
    const calls = handlers.callsOf(9);
    expect(calls).toHaveLength(3);
    // Exponential backoff from 50 ms: the third try starts at least 50 + 100 ms after the first ended.
    expect(calls[2]!.startedAt - calls[0]!.endedAt!).toBeGreaterThanOrEqual(150);
  });

  it('fails after the last attempt, keeping the reason', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    handlers.failNext(new FakeTimeoutError(), new FakeTimeoutError(), new FakeTimeoutError());
    const job = await addSyncCustomer(h, { period: '2026-11', customerId: 9, full: false });
    h.startWorker(handlers);

    const done = await settled(h, job);
    expect(await done.getState()).toBe('failed');
    expect(done.attemptsMade).toBe(3);
    expect(done.failedReason).toBe('Odoo did not answer within 30 s; the call is retried.');
  });

  it('fails an unrecoverable error at once with its user message, secrets left out', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    handlers.failNext(new FakeAccessError('hunter2-secret'));
    const job = await addSyncCustomer(h, { period: '2026-11', customerId: 4, full: false });
    h.startWorker(handlers);

    const done = await settled(h, job);
    expect(await done.getState()).toBe('failed');
    expect(done.attemptsMade).toBe(1);
    expect(handlers.callsOf(4)).toHaveLength(1);
    expect(done.failedReason).toBe(
      'The Tally user may not read account.move; ask an admin to add it to Invoicing.',
    );
    expect(
      JSON.stringify(await h.redis.hgetall(`${h.settings.prefix}:${QUEUES.sync}:${job.id}`)),
    ).not.toContain('hunter2');
    const [lastRun] = await new LastRunStore(h.redis, h.settings.prefix).list();
    expect(lastRun).toMatchObject({ customerId: 4, outcome: 'failed', reason: done.failedReason });
  });

  it('fails a job whose payload does not parse, naming the field', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    const job = await addSyncCustomer(h, { period: '2026-13', customerId: 4, full: false });
    h.startWorker(handlers);

    const done = await settled(h, job);
    expect(done.attemptsMade).toBe(1);
    expect(done.failedReason).toMatch(
      /invalid payload \(period: must be a billing period YYYY-MM\)/,
    );
    expect(handlers.calls).toHaveLength(0);
  });

  it('retries an error that is not a TallyError, scrubbing registered secrets', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    let first = true;
    handlers.onCall(async () => {
      if (first) {
        first = false;
        throw new TypeError('socket closed while sending s3cr3t-api-key');
      }
    });
    const scrubber = new SecretScrubber();
    scrubber.add('s3cr3t-api-key');
    const job = await addSyncCustomer(h, { period: '2026-11', customerId: 4, full: false });
    h.startWorker(handlers, { scrubber });

    const done = await settled(h, job);
    expect(await done.getState()).toBe('completed');
    expect(done.attemptsMade).toBe(2);
    expect((done.stacktrace ?? []).join('\n')).not.toContain('s3cr3t');
    expect(JSON.stringify(done)).not.toContain('s3cr3t');
  });

  it('counts a child that failed for good in its parent summary', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    handlers.customers = [1, 2];
    handlers.failNext(new FakeAccessError());
    await h.queues.queue(QUEUES.sync).add(JOBS.sync, { period: '2026-11' });
    h.startWorker(handlers);

    const summary = await eventually(async () => {
      const jobs = await h.queues.queue(QUEUES.sync).getJobs(['completed']);
      return jobs.find((job) => job.name === JOBS.syncSummary);
    });
    expect(summary.returnvalue).toMatchObject({ customers: 2, completed: 1, failed: 1 });
  });
});
