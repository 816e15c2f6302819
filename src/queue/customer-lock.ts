import { randomUUID } from 'node:crypto';
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
  ) {}

  /** Takes the lock, or returns null at once when another job holds it. */
  async tryAcquire(customerId: number): Promise<HeldLock | null> {
    const key = TALLY_KEYS.customerLock(this.prefix, customerId);
    const token = randomUUID();
    const taken = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (taken !== 'OK') return null;
    return this.hold(key, token);
  }

  /** The token-holder's view of a lock key, for tests and `tally status`. */
  async isHeld(customerId: number): Promise<boolean> {
    return (await this.redis.exists(TALLY_KEYS.customerLock(this.prefix, customerId))) === 1;
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
