import type { Job } from 'bullmq';
import { enqueueJob } from '../../../src/queue/enqueue';
import { addFanOut } from '../../../src/queue/fan-out';
import { dedupIds } from '../../../src/queue/job-ids';
import { JOBS, QUEUES } from '../../../src/queue/names';
import { LastRunStore } from '../../../src/queue/last-runs';
import { FakeHandlers } from './fake-handlers';
import { eventually, useQueueHarness, type QueueHarness } from './queue-harness';

const harness = useQueueHarness('fanout');

async function finished(h: QueueHarness, name: string, count = 1): Promise<Job[]> {
  const queue = h.queues.queue(QUEUES.sync);
  return eventually(async () => {
    const jobs = (await queue.getJobs(['completed'])).filter((job) => job.name === name);
    return jobs.length >= count ? jobs : undefined;
  }, `${count} completed ${name} job(s)`);
}

function syncFlow(period: string, customers: readonly number[]) {
  return {
    parent: {
      name: JOBS.syncSummary,
      queue: QUEUES.sync,
      data: { period, customers: customers.length },
    },
    children: customers.map((customerId) => ({
      name: JOBS.syncCustomer,
      queue: QUEUES.sync,
      data: { period, customerId, full: false },
      dedupId: dedupIds.syncCustomer(customerId, period),
    })),
  };
}

describe('sync fan-out', () => {
  it('plans one child per customer and sums their summaries in the parent', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    await enqueueJob(h.queues, 'sync', { period: '2026-11' });
    h.startWorker(handlers);

    const [summary] = await finished(h, JOBS.syncSummary);
    expect(summary!.returnvalue).toEqual({
      period: '2026-11',
      customers: 3,
      completed: 3,
      failed: 0,
      skipped: 0,
      lines: { created: 6, updated: 3, removed: 0 },
      problems: 3,
    });
    expect(handlers.calls.map((call) => call.customerId).sort()).toEqual([101, 102, 103]);
    const lastRuns = await new LastRunStore(h.redis, h.settings.prefix).list();
    expect(lastRuns.map((run) => [run.customerId, run.outcome, run.period])).toEqual([
      [101, 'completed', '2026-11'],
      [102, 'completed', '2026-11'],
      [103, 'completed', '2026-11'],
    ]);
    expect(lastRuns[0]!.summary).toMatchObject({ cursor: { id: 101 } });
  });

  it('resolves a relative period from the time the job was due', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    handlers.customers = [5];
    await h.queues.queue(QUEUES.closePeriod).add('close-period', { period: 'previous' });
    h.startWorker(handlers);
    const period = new Date();
    period.setUTCDate(1);
    period.setUTCMonth(period.getUTCMonth() - 1);
    await eventually(() => (handlers.calls.length > 0 ? true : undefined));
    expect(handlers.calls[0]).toMatchObject({
      method: 'closePeriod',
      customerId: 5,
      period: period.toISOString().slice(0, 7),
    });
  });
});

describe('deduplication', () => {
  it('adds a requested sync of one period once while it is queued', async () => {
    const h = harness();
    const first = await enqueueJob(h.queues, 'sync', { period: '2026-10' });
    const second = await enqueueJob(h.queues, 'sync', { period: '2026-10', full: true });
    const other = await enqueueJob(h.queues, 'sync', { period: '2026-11' });

    expect(first.added).toBe(true);
    expect(second).toEqual({ jobId: first.jobId, added: false });
    expect(other.added).toBe(true);
    expect(await h.queues.queue(QUEUES.sync).getWaitingCount()).toBe(2);
  });

  it('never queues one customer and period twice at once, and queues it again once done', async () => {
    const h = harness();
    const queue = h.queues.queue(QUEUES.sync);
    await addFanOut(h.queues, syncFlow('2026-11', [1, 2]));
    await addFanOut(h.queues, syncFlow('2026-11', [2, 3]));
    await addFanOut(h.queues, syncFlow('2026-12', [2]));

    const waiting = (await queue.getJobs(['waiting'])).map(
      (job) => job.data as { customerId: number; period: string },
    );
    expect(waiting.map((data) => `${data.customerId}:${data.period}`).sort()).toEqual([
      '1:2026-11',
      '2:2026-11',
      '2:2026-12',
      '3:2026-11',
    ]);

    const handlers = new FakeHandlers();
    h.startWorker(handlers);
    const summaries = await finished(h, JOBS.syncSummary, 3);
    expect(
      handlers
        .callsOf(2)
        .map((call) => call.period)
        .sort(),
    ).toEqual(['2026-11', '2026-12']);
    const second = summaries.find(
      (job) =>
        (job.data as { customers: number }).customers === 2 &&
        (job.returnvalue as { skipped: number }).skipped === 1,
    );
    expect(second?.returnvalue).toMatchObject({ completed: 1, skipped: 1, failed: 0 });

    // Done, so the id is free again: the next run of the same period syncs customer 2 again.
    await addFanOut(h.queues, syncFlow('2026-11', [2]));
    await finished(h, JOBS.syncSummary, 4);
    expect(handlers.callsOf(2)).toHaveLength(3);
  });
});
