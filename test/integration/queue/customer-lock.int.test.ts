import { CustomerLock } from '../../../src/queue/customer-lock';
import { JOBS, QUEUES, TALLY_KEYS } from '../../../src/queue/names';
import type { WorkerRuntime } from '../../../src/queue/worker-runtime';
import { FakeHandlers, type HandlerCall } from './fake-handlers';
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
    // A call counts itself even when it took under a millisecond (start and end alike).
    const others = calls.filter(
      (other) =>
        other !== call &&
        other.startedAt < (call.endedAt ?? Infinity) &&
        call.startedAt < (other.endedAt ?? Infinity),
    );
    most = Math.max(most, others.length + 1);
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
    // The first customer-7 job holds its lock until the other worker has been refused customer 7,
    // so the two compete for it however the machine schedules them (a fixed pause would not).
    const forA = new FakeHandlers();
    const forB = new FakeHandlers();
    const runtimes: { a?: WorkerRuntime; b?: WorkerRuntime } = {};
    let holder: 'a' | 'b' | null = null;
    const holdUntilOtherRefused = (me: 'a' | 'b') => async (call: HandlerCall) => {
      if (call.customerId !== 7 || holder !== null) return;
      holder = me;
      const other = me === 'a' ? 'b' : 'a';
      await eventually(
        async () => ((await lockWaits(runtimes[other]!)) > 0 ? true : undefined),
        `worker-${other} refused customer 7`,
      );
    };
    forA.onCall(holdUntilOtherRefused('a'));
    forB.onCall(holdUntilOtherRefused('b'));
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

    runtimes.a = h.startWorker(forA, { name: 'worker-a' });
    runtimes.b = h.startWorker(forB, { name: 'worker-b' });
    await eventually(
      () =>
        [...forA.calls, ...forB.calls].filter((call) => call.endedAt !== null).length === 4
          ? true
          : undefined,
      'four jobs done',
    );

    expect(overlaps(callsOf(7))).toBe(1);
    expect(callsOf(7)).toHaveLength(3);
    expect(holder).not.toBeNull();
    // Both workers took part: one held customer 7, the other was refused it while it did.
    expect(await lockWaits(runtimes[holder === 'a' ? 'b' : 'a']!)).toBeGreaterThan(0);
  });
});
