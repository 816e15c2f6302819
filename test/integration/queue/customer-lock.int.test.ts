import { CustomerLock } from '../../../src/queue/customer-lock';
import { JOBS, QUEUES, TALLY_KEYS } from '../../../src/queue/names';
import type { WorkerRuntime } from '../../../src/queue/worker-runtime';
import { FakeHandlers, gate, type HandlerCall } from './fake-handlers';
import { eventually, useQueueHarness, type QueueHarness } from './queue-harness';

const harness = useQueueHarness('lock', { concurrency: 1 });

/**
 * Resolves once the holder has renewed the lock `times` times: its time to live went up between
 * two looks. Waiting on renewals, not on a sleep, proves renewal whatever the machine's load.
 */
async function renewals(h: QueueHarness, customerId: number, times: number): Promise<void> {
  const key = TALLY_KEYS.customerLock(h.settings.prefix, customerId);
  let seen = 0;
  let last = await h.redis.pttl(key);
  await eventually(async () => {
    const now = await h.redis.pttl(key);
    if (now < 0) throw new Error(`${key} expired: it was not renewed in time`);
    if (now > last) seen += 1;
    last = now;
    return seen >= times ? true : undefined;
  }, `${times} renewals of ${key}`);
}

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
    const lock = new CustomerLock(h.redis, h.settings.prefix, h.settings.customerLockTtlMs);
    const first = await lock.tryAcquire(7);
    expect(first).not.toBeNull();
    expect(await lock.tryAcquire(7)).toBeNull();
    expect(await lock.tryAcquire(8)).not.toBeNull();

    await renewals(h, 7, 2);
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
    await eventually(() => (held!.lost.aborted ? true : undefined), 'lock loss noticed');
    await held!.release();
    expect(await h.redis.get(TALLY_KEYS.customerLock(h.settings.prefix, 7))).toBe('someone-else');
  });

  it('never lets two workers write one customer at the same time', async () => {
    const h = harness();
    // Each worker's first job waits until the other worker is running one too, so both take part
    // and their first jobs overlap, however the machine schedules them: three of the four jobs
    // are customer 7's, so the worker that does not hold customer 7 must wait for its lock.
    const running = { a: gate(), b: gate() };
    const forA = new FakeHandlers();
    const forB = new FakeHandlers();
    forA.onCall(async () => {
      running.a.open();
      await running.b.wait;
    });
    forB.onCall(async () => {
      running.b.open();
      await running.a.wait;
    });
    const callsOf = (customerId: number) => [
      ...forA.callsOf(customerId),
      ...forB.callsOf(customerId),
    ];
    const sync = h.queues.queue(QUEUES.sync);
    const close = h.queues.queue(QUEUES.closePeriod);
    await sync.add(JOBS.syncCustomer, { period: '2026-09', customerId: 7, full: false });
    await sync.add(JOBS.syncCustomer, { period: '2026-10', customerId: 7, full: false });
    await close.add(JOBS.closePeriodCustomer, { period: '2026-09', customerId: 7 });
    await sync.add(JOBS.syncCustomer, { period: '2026-10', customerId: 8, full: false });

    const a = h.startWorker(forA, { name: 'worker-a' });
    const b = h.startWorker(forB, { name: 'worker-b' });
    await eventually(
      () =>
        [...forA.calls, ...forB.calls].filter((call) => call.endedAt !== null).length === 4
          ? true
          : undefined,
      'four jobs done',
    );

    expect(overlaps(callsOf(7))).toBe(1);
    expect(callsOf(7)).toHaveLength(3);
    expect((await lockWaits(a)) + (await lockWaits(b))).toBeGreaterThan(0);
    const jobs = [...(await sync.getJobs(['completed'])), ...(await close.getJobs(['completed']))];
    expect(new Set(jobs.map((job) => job.processedBy))).toEqual(new Set(['worker-a', 'worker-b']));
  });
});
