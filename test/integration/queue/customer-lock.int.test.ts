import { CustomerLock } from '../../../src/queue/customer-lock';
import { JOBS, QUEUES, TALLY_KEYS } from '../../../src/queue/names';
import type { WorkerRuntime } from '../../../src/queue/worker-runtime';
import { FakeHandlers, type HandlerCall } from './fake-handlers';
import { eventually, useQueueHarness } from './queue-harness';

const harness = useQueueHarness('lock', { concurrency: 1 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function overlaps(calls: readonly HandlerCall[]): number {
  let most = 0;
  for (const call of calls) {
    const during = calls.filter(
      (other) =>
        other.startedAt < (call.endedAt ?? Infinity) &&
        call.startedAt < (other.endedAt ?? Infinity),
    );
    most = Math.max(most, during.length);
  }
  return most;
}

async function lockWaits(runtime: WorkerRuntime): Promise<number> {
  const metric = runtime.metrics.registry.getSingleMetric('tally_customer_lock_waits_total');
  const values = (await metric!.get()).values;
  return values.reduce((sum, value) => sum + value.value, 0);
}

describe('per-customer lock', () => {
  it('lets one holder in, releases only with its token, and renews itself', async () => {
    const h = harness();
    const lock = new CustomerLock(h.redis, h.settings.prefix, 300);
    const first = await lock.tryAcquire(7);
    expect(first).not.toBeNull();
    expect(await lock.tryAcquire(7)).toBeNull();
    expect(await lock.tryAcquire(8)).not.toBeNull();

    await sleep(700); // past two TTLs: only renewal keeps it
    expect(first!.lost.aborted).toBe(false);
    expect(await lock.tryAcquire(7)).toBeNull();

    await first!.release();
    const second = await lock.tryAcquire(7);
    expect(second).not.toBeNull();
    await first!.release(); // a stale holder releasing again must not free the new holder's lock
    expect(await lock.isHeld(7)).toBe(true);
    await second!.release();
    expect(await lock.isHeld(7)).toBe(false);
  });

  it('signals a holder whose lock was taken away', async () => {
    const h = harness();
    const lock = new CustomerLock(h.redis, h.settings.prefix, 300);
    const held = await lock.tryAcquire(7);
    await h.redis.set(TALLY_KEYS.customerLock(h.settings.prefix, 7), 'someone-else');
    await eventually(() => (held!.lost.aborted ? true : undefined), 2_000, 'lock loss noticed');
    await held!.release();
    expect(await h.redis.get(TALLY_KEYS.customerLock(h.settings.prefix, 7))).toBe('someone-else');
  });

  it('never lets two workers write one customer at the same time', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    handlers.onCall(async () => {
      await sleep(120);
    });
    const sync = h.queues.queue(QUEUES.sync);
    const close = h.queues.queue(QUEUES.closePeriod);
    await sync.add(JOBS.syncCustomer, { period: '2026-09', customerId: 7, full: false });
    await sync.add(JOBS.syncCustomer, { period: '2026-10', customerId: 7, full: false });
    await close.add(JOBS.closePeriodCustomer, { period: '2026-09', customerId: 7 });
    await sync.add(JOBS.syncCustomer, { period: '2026-10', customerId: 8, full: false });

    const a = h.startWorker(handlers, { name: 'worker-a' });
    const b = h.startWorker(handlers, { name: 'worker-b' });
    await eventually(
      () =>
        handlers.calls.filter((call) => call.endedAt !== null).length === 4 ? true : undefined,
      8_000,
      'four jobs done',
    );

    expect(overlaps(handlers.callsOf(7))).toBe(1);
    expect(handlers.callsOf(7)).toHaveLength(3);
    expect((await lockWaits(a)) + (await lockWaits(b))).toBeGreaterThan(0);
    const jobs = [...(await sync.getJobs(['completed'])), ...(await close.getJobs(['completed']))];
    expect(new Set(jobs.map((job) => job.processedBy))).toEqual(new Set(['worker-a', 'worker-b']));
  });
});
