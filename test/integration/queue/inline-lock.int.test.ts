import { lockInlineRun } from '../../../src/cli/inline-run-lock';
import { CustomerLock, lockScopeOf } from '../../../src/queue/customer-lock';
import type { LogFields, Logger } from '../../../src/shared/logger';
import { useQueueHarness } from './queue-harness';

const ODOO = { url: 'http://odoo.example:8069', db: 'prod' };
const OTHER_ODOO = { url: 'http://odoo.example:8069', db: 'staging' };

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger & { warnings: string[] } = {
    warnings,
    error: () => undefined,
    warn: (message: string, _fields?: LogFields) => void warnings.push(message),
    info: () => undefined,
    debug: () => undefined,
    child: () => logger,
  };
  return logger;
}

describe('the inline run lock (tally sync and close-period without a queue)', () => {
  const harness = useQueueHarness('inline-lock');
  const jobLock = () =>
    new CustomerLock(
      harness().redis,
      harness().settings.prefix,
      1_000,
      undefined,
      lockScopeOf(ODOO),
    );
  const inline = (extra: { customerId?: number; waitMs?: number; odoo?: typeof ODOO } = {}) => {
    const logger = recordingLogger();
    const run = lockInlineRun({
      redis: harness().redis,
      settings: {
        prefix: harness().settings.prefix,
        customerLockTtlMs: 1_000,
        inlineLockWaitMs: extra.waitMs ?? 60_000,
      },
      odoo: extra.odoo ?? ODOO,
      logger,
      pollMs: 20,
      ...(extra.customerId === undefined ? {} : { customerId: extra.customerId }),
    });
    return { run, logger };
  };

  it('over every customer, keeps customer jobs from starting until it is released', async () => {
    const { run } = inline();
    const held = await run;
    expect(await jobLock().tryAcquire(7)).toBeNull();
    await held.release();
    const job = await jobLock().tryAcquire(7);
    expect(job).not.toBeNull();
    await job!.release();
  });

  it('over every customer, waits for the customer jobs already running, and says so once', async () => {
    const job = await jobLock().tryAcquire(7);
    const { run, logger } = inline();
    let taken = false;
    void run.then(() => (taken = true));
    // The job still writes: the inline run must not start, however long this takes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(false);
    expect(logger.warnings).toEqual([
      expect.stringContaining(
        'Waiting before writing: 1 customer(s) are being written by worker jobs',
      ),
    ]);
    await job!.release();
    const held = await run;
    expect(taken).toBe(true);
    await held.release();
  });

  it('for one customer, waits for that customer only', async () => {
    const job = await jobLock().tryAcquire(7);
    const other = await inline({ customerId: 8 }).run;
    const { run } = inline({ customerId: 7 });
    let taken = false;
    void run.then(() => (taken = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(false);
    await job!.release();
    await (await run).release();
    await other.release();
  });

  it('gives up in one sentence after TALLY_INLINE_LOCK_WAIT_MS, holding nothing', async () => {
    const first = await inline().run;
    await expect(inline({ waitMs: 100 }).run).rejects.toMatchObject({
      code: 'QUEUE_CUSTOMERS_BUSY',
      retryable: true,
      message: expect.stringMatching(
        /^Gave up after waiting 0 s: another tally sync or close-period over every customer is running\. .*TALLY_INLINE_LOCK_WAIT_MS\.$/,
      ) as unknown,
    });
    await first.release();
    await (await inline({ waitMs: 100 }).run).release();
  });

  it('never blocks runs on another Odoo database sharing the Redis', async () => {
    const first = await inline().run;
    const elsewhere = await inline({ odoo: OTHER_ODOO, waitMs: 0 }).run;
    await elsewhere.release();
    await first.release();
  });
});
