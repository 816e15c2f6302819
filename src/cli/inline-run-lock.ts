/**
 * The lock an inline `tally sync` or `close-period` takes before it reads what it will write, so it
 * never overlaps a worker job or another inline run on a customer: one customer's lock for
 * `--customer`, else the lock over every customer of the database (no customer job starts while
 * it is held, and the run waits for those already running).
 */
import type { Redis } from 'ioredis';
import { CustomerLock, lockScopeOf, type HeldLock } from '../queue/customer-lock';
import { closeRedis, connectRedis } from '../queue/connection';
import { CustomersBusyError, QueueRedisUnavailableError } from '../queue/errors';
import type { QueueSettings } from '../queue/queue-settings';
import type { Logger } from '../shared/logger';

export interface InlineLockOptions {
  readonly redis: Redis;
  readonly settings: Pick<QueueSettings, 'prefix' | 'customerLockTtlMs' | 'inlineLockWaitMs'>;
  readonly odoo: { readonly url: string; readonly db: string };
  readonly customerId?: number;
  readonly logger: Logger;
  /** Pause between tries; short, because a person is waiting. */
  readonly pollMs?: number;
}

const DEFAULT_POLL_MS = 250;

/** Takes the run's lock, waiting up to `inlineLockWaitMs` and saying once what it waits for. */
export async function lockInlineRun(options: InlineLockOptions): Promise<HeldLock> {
  const lock = new CustomerLock(
    options.redis,
    options.settings.prefix,
    options.settings.customerLockTtlMs,
    undefined,
    lockScopeOf(options.odoo),
  );
  const waiting = new WaitBudget(options, options.settings.inlineLockWaitMs);
  const { customerId } = options;
  if (customerId !== undefined) {
    const what = `customer ${customerId} is being written by another run (a worker job or another tally sync)`;
    for (;;) {
      const held = await lock.tryAcquire(customerId);
      if (held !== null) return held;
      await waiting.pause(what);
    }
  }
  let held: HeldLock | null = null;
  while (held === null) {
    held = await lock.tryAcquireAll();
    if (held === null)
      await waiting.pause('another tally sync or close-period over every customer is running');
  }
  try {
    for (let busy = await lock.customersBusy(); busy > 0; busy = await lock.customersBusy()) {
      await waiting.pause(`${busy} customer(s) are being written by worker jobs`);
    }
    return held;
  } catch (error) {
    await held.release();
    throw error;
  }
}

/** How long the run still may wait; tells the user once, and fails in one sentence at the end. */
class WaitBudget {
  private readonly deadline: number;
  private told = false;

  constructor(
    private readonly options: InlineLockOptions,
    private readonly waitMs: number,
  ) {
    this.deadline = Date.now() + waitMs;
  }

  async pause(what: string): Promise<void> {
    if (Date.now() >= this.deadline) {
      throw new CustomersBusyError(
        `Gave up after waiting ${Math.round(this.waitMs / 1000)} s: ${what}. Run again when it has finished, or raise TALLY_INLINE_LOCK_WAIT_MS.`,
        { retryable: true },
      );
    }
    if (!this.told) {
      this.told = true;
      this.options.logger.warn(
        `Waiting before writing: ${what} (up to ${Math.round(this.waitMs / 1000)} s, TALLY_INLINE_LOCK_WAIT_MS).`,
        { event: 'sync.lock_wait' },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? DEFAULT_POLL_MS));
  }
}

export interface LockedRunOptions extends Omit<InlineLockOptions, 'redis'> {
  /** An open connection (the run's cursor store), or null to open one at `redisUrl`. */
  readonly redis: Redis | null;
  readonly redisUrl: string;
}

/**
 * Runs `run` under the inline lock, passing the signal that aborts its writes if the lock is
 * lost. A run that needs no Redis otherwise (`--period`, `close-period`) still runs when Redis
 * does not answer, with a warning that it holds no lock: Tally can be tried without Redis.
 */
export async function runUnderInlineLock<T>(
  options: LockedRunOptions,
  run: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  let redis = options.redis;
  const opened = redis === null;
  if (redis === null) {
    try {
      redis = await connectRedis(options.redisUrl);
    } catch (error) {
      if (!(error instanceof QueueRedisUnavailableError)) throw error;
      options.logger.warn(
        `${error.message} This run takes no lock: make sure no worker or other tally sync writes to this database meanwhile.`,
        { event: 'sync.unlocked' },
      );
      return run(undefined);
    }
  }
  try {
    const held = await lockInlineRun({ ...options, redis });
    try {
      return await run(held.lost);
    } finally {
      await held.release();
    }
  } finally {
    if (opened) await closeRedis(redis);
  }
}
