import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '../../../src/queue/names';
import { HANG_MS } from '../../support/hang';
import { FakeHandlers, gate } from './fake-handlers';
import { eventually, useQueueHarness, type QueueHarness } from './queue-harness';

const harness = useQueueHarness('shutdown');

async function stateOf(h: QueueHarness, job: Job): Promise<string> {
  return (await h.queues.queue(QUEUES.sync).getJob(job.id!))!.getState();
}

describe('graceful shutdown', () => {
  it('lets the running job finish, takes no new job, then closes', async () => {
    const h = harness();
    const release = gate();
    const handlers = new FakeHandlers();
    handlers.onCall(() => release.wait);
    const sync = h.queues.queue(QUEUES.sync);
    const running = await sync.add(JOBS.syncCustomer, {
      period: '2026-11',
      customerId: 1,
      full: false,
    });
    const runtime = h.startWorker(handlers);
    await eventually(() => (handlers.calls.length === 1 ? true : undefined));
    // BullMQ lists a worker by its blocking-fetch connection. close() cuts that fetch first: a job
    // added while it is still listed may yet be taken, one added once it is gone never is.
    const listed = (count: number) => async () =>
      (await sync.getWorkersCount()) === count ? true : undefined;
    await eventually(listed(1), 'the worker listed');

    const closed = runtime.close(HANG_MS);
    await eventually(listed(0), 'the worker no longer fetching');
    const late = await sync.add(JOBS.syncCustomer, {
      period: '2026-11',
      customerId: 2,
      full: false,
    });
    expect(await stateOf(h, running)).toBe('active');
    release.open();

    await expect(closed).resolves.toEqual({ graceful: true, unfinished: 0 });
    expect(await stateOf(h, running)).toBe('completed');
    expect(await stateOf(h, late)).toBe('waiting');
    expect(handlers.calls.map((call) => call.customerId)).toEqual([1]);
  });

  it('stops waiting after the grace period and aborts the job, which another worker then completes', async () => {
    const h = harness();
    const stubborn = new FakeHandlers();
    let aborted = false;
    stubborn.onCall(
      (_call, context) =>
        new Promise((_, reject) =>
          context.signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('stopped between two writes'));
          }),
        ),
    );
    const job = await h.queues
      .queue(QUEUES.sync)
      .add(JOBS.syncCustomer, { period: '2026-11', customerId: 3, full: false });
    const first = h.startWorker(stubborn);
    await eventually(() => (stubborn.calls.length === 1 ? true : undefined));

    // The job settles only when aborted, so close() returning at all means it stopped waiting.
    await expect(first.close(300)).resolves.toEqual({ graceful: false, unfinished: 1 });
    expect(aborted).toBe(true);

    const handlers = new FakeHandlers();
    h.startWorker(handlers);
    await eventually(async () => ((await stateOf(h, job)) === 'completed' ? true : undefined));
    expect(handlers.callsOf(3)).toHaveLength(1);
  });

  it('returns even when a job ignores the abort; the job is then recovered as stalled', async () => {
    const h = harness();
    const deaf = new FakeHandlers();
    const never = gate();
    deaf.onCall(() => never.wait);
    const job = await h.queues
      .queue(QUEUES.sync)
      .add(JOBS.syncCustomer, { period: '2026-11', customerId: 5, full: false });
    const first = h.startWorker(deaf);
    await eventually(() => (deaf.calls.length === 1 ? true : undefined));

    await expect(first.close(200)).resolves.toEqual({ graceful: false, unfinished: 1 });
    const handlers = new FakeHandlers();
    h.startWorker(handlers);
    await eventually(async () => ((await stateOf(h, job)) === 'completed' ? true : undefined));
    expect(handlers.callsOf(5)).toHaveLength(1);
    never.open(); // lets this process's abandoned promise settle, as process exit would in the CLI
  });
});
