import { TallyMetrics } from '../../../src/queue/metrics';
import { TALLY_KEYS } from '../../../src/queue/names';
import { OdooRateLimiter, type Sleep } from '../../../src/queue/odoo-rate-limiter';
import { createOdooCallGate } from '../../../src/queue/worker-runtime';
import { useQueueHarness } from './queue-harness';

const harness = useQueueHarness('rate');

/** A real sleep that keeps every wait the limiter asked for. */
function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  const sleep: Sleep = (ms) => {
    waits.push(ms);
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
  return { sleep, waits };
}

async function timeCalls(limiters: readonly OdooRateLimiter[], calls: number): Promise<number> {
  const started = Date.now();
  await Promise.all(
    Array.from({ length: calls }, (_, index) => limiters[index % limiters.length]!.acquire()),
  );
  return Date.now() - started;
}

describe('Odoo rate limit', () => {
  it('spaces calls at the configured rate across every limiter sharing the Redis', async () => {
    const h = harness();
    const other = h.redis.duplicate();
    const { sleep, waits } = recordingSleep();
    const a = new OdooRateLimiter(h.redis, h.settings.prefix, 50, sleep);
    const b = new OdooRateLimiter(other, h.settings.prefix, 50, sleep);
    // 30 calls at 50 per second: the last may start 29 intervals of 20 ms after the first.
    const elapsed = await timeCalls([a, b], 30).finally(() => other.quit());
    expect(elapsed).toBeGreaterThanOrEqual(29 * 20 - 5);
    // And no caller is held back longer than needed: a grant sets the next free slot one interval
    // on, so no wait is longer than one interval, however late a busy machine runs the callers.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.filter((ms) => ms <= 0 || ms > 20)).toEqual([]);
  });

  it('does not wait at all when the rate is 0 (no limit)', async () => {
    const h = harness();
    const { sleep, waits } = recordingSleep();
    await timeCalls([new OdooRateLimiter(h.redis, h.settings.prefix, 0, sleep)], 200);
    expect(waits).toEqual([]);
    expect(await h.redis.exists(TALLY_KEYS.odooRate(h.settings.prefix))).toBe(0);
  });

  it('counts calls and errors for /metrics through the gate', async () => {
    const h = harness();
    const metrics = new TallyMetrics(h.queues);
    const gate = createOdooCallGate(h.redis, { ...h.settings, odooRps: 100 }, metrics);
    await gate.acquire();
    gate.onCall({ model: 'account.move', method: 'search_read', durationMs: 12, ok: true });
    gate.onCall({
      model: 'account.move',
      method: 'write',
      durationMs: 30,
      ok: false,
      errorCode: 'ODOO_TIMEOUT',
    });
    const text = (await metrics.render()).body;
    expect(text).toContain(
      'tally_odoo_calls_total{model="account.move",method="search_read",outcome="ok"} 1',
    );
    expect(text).toContain('tally_odoo_errors_total{code="ODOO_TIMEOUT"} 1');
  });
});
