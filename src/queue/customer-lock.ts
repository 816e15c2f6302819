import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { TALLY_KEYS } from './names';

// Release and renew only while the key still holds our token: after a TTL expiry another worker
// may own the lock, and a blind DEL or PEXPIRE would take it from them.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

// A customer is free only while no run over all customers holds the database: both keys share the
// prefix's hash tag, so one script sees them atomically.
const ACQUIRE_CUSTOMER_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0`;

/** The lock scope of one Odoo database: its URL and name, hashed to a short stable token. */
export function lockScopeOf(odoo: { readonly url: string; readonly db: string }): string {
  return createHash('sha256').update(`${odoo.url}/${odoo.db}`).digest('hex').slice(0, 12);
}

/** A held lock: renewed in the background until released; `lost` aborts if renewal fails. */
export interface HeldLock {
  /** Aborted when the lock could not be renewed (expired, or taken after an expiry). */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

/** Locks held by running jobs of one worker process, so a forced shutdown can let them lapse. */
export class HeldLocks {
  private readonly held = new Set<() => void>();

  track(stopRenewing: () => void): () => void {
    this.held.add(stopRenewing);
    return () => this.held.delete(stopRenewing);
  }

  /** Stops renewing every held lock without releasing it: the TTL frees it for other workers. */
  abandonAll(): void {
    for (const stop of this.held) stop();
    this.held.clear();
  }
}

/**
 * One writer per customer across every worker on this Redis (design.md §4): SET NX with a random
 * token and a TTL, renewed every third of the TTL, released only by its owner.
 */
export class CustomerLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly registry = new HeldLocks(),
    /** The Odoo database the locks guard (`lockScopeOf`); '' for one database per prefix. */
    private readonly scope = '',
  ) {}

  /**
   * Takes the customer's lock, or returns null at once when another run holds it (a job, an
   * inline run of that customer, or an inline run over every customer).
   */
  async tryAcquire(customerId: number): Promise<HeldLock | null> {
    const key = TALLY_KEYS.customerLock(this.prefix, customerId, this.scope);
    const token = randomUUID();
    const taken = await this.redis.eval(
      ACQUIRE_CUSTOMER_SCRIPT,
      2,
      key,
      TALLY_KEYS.allCustomersLock(this.prefix, this.scope),
      token,
      String(this.ttlMs),
    );
    if (Number(taken) !== 1) return null;
    return this.hold(key, token);
  }

  /**
   * Takes the lock over every customer of the database, or returns null when another such run
   * holds it. Customer jobs already running keep their locks: wait for `customersBusy()` to be 0.
   */
  async tryAcquireAll(): Promise<HeldLock | null> {
    const key = TALLY_KEYS.allCustomersLock(this.prefix, this.scope);
    const token = randomUUID();
    const taken = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (taken !== 'OK') return null;
    return this.hold(key, token);
  }

  /** Customers whose lock some run holds now. */
  async customersBusy(): Promise<number> {
    const pattern = TALLY_KEYS.customerLock(this.prefix, 0, this.scope).replace(/0$/, '*');
    let cursor = '0';
    let found = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      found += keys.length;
    } while (cursor !== '0');
    return found;
  }

  /** The token-holder's view of a lock key, for tests and `tally status`. */
  async isHeld(customerId: number): Promise<boolean> {
    return (
      (await this.redis.exists(TALLY_KEYS.customerLock(this.prefix, customerId, this.scope))) === 1
    );
  }

  private hold(key: string, token: string): HeldLock {
    const lost = new AbortController();
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(
      () => {
        renewing = this.redis
          .eval(RENEW_SCRIPT, 1, key, token, String(this.ttlMs))
          .then((renewed) => {
            if (Number(renewed) !== 1) lost.abort(new Error(`lock ${key} expired`));
          })
          .catch((error: unknown) => lost.abort(error));
      },
      Math.max(50, Math.floor(this.ttlMs / 3)),
    );
    lost.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    const untrack = this.registry.track(() => clearInterval(timer));
    return {
      lost: lost.signal,
      release: async () => {
        clearInterval(timer);
        untrack();
        await renewing;
        // Token-checked, so safe after a loss too; if Redis is gone the TTL frees the key instead.
        await this.redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => undefined);
      },
    };
  }
}
