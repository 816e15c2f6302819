import type { Redis } from 'ioredis';
import { TALLY_KEYS } from './names';

// GCRA (the generic cell rate algorithm): one key holds the theoretical arrival time of the next
// call. Redis's own clock (TIME) is used so workers on machines with skewed clocks agree. Returns
// 0 when the call may go now, else how many ms to wait before asking again.
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now
if wait > 0 then return wait end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', interval + 1000)
return 0`;

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A requests-per-second limit on calls to Odoo shared by every worker on this Redis, so adding
 * workers never multiplies the load on Odoo. `rps = 0` means no limit.
 */
export class OdooRateLimiter {
  private readonly intervalMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly rps: number,
    private readonly sleep: Sleep = realSleep,
  ) {
    this.intervalMs = rps > 0 ? Math.max(1, Math.round(1000 / rps)) : 0;
  }

  /** Resolves when one more call is allowed. */
  async acquire(): Promise<void> {
    if (this.intervalMs === 0) return;
    const key = TALLY_KEYS.odooRate(this.prefix);
    for (;;) {
      const wait = Number(await this.redis.eval(ACQUIRE_SCRIPT, 1, key, String(this.intervalMs)));
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }
}
