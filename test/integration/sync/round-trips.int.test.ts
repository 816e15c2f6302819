/**
 * Round trips grow with pages and id batches, never with records (odoo-rpc.md §5): the same period
 * read with 50× more timesheet lines costs only the extra search_read pages.
 */
import { period } from '../../../src/domain/types';
import { RoundTripCounter } from '../../../src/odoo/round-trips';
import { PAGE_SIZE } from '../../../src/sync/read/odoo-reader';
import { planPeriod } from '../../../src/sync/plan-period';
import { readPeriod } from '../../../src/sync/read-period';
import { startSandbox } from '../../support/start-sandbox';
import { connectTo, SCENARIO_NOW, shippedConfig } from './connect';
import { periodScenario } from './period-scenario';

const config = shippedConfig();
const EXTRA_LINES = 450;

async function countTrips(extraLines: number) {
  const sandbox = await startSandbox({
    port: 0,
    seed: periodScenario(extraLines),
    clock: SCENARIO_NOW,
  });
  const trips = new RoundTripCounter();
  const client = await connectTo(sandbox, trips);
  try {
    trips.reset();
    const facts = await readPeriod(client, config, { period: period('2026-01') });
    planPeriod(facts, config.settings);
    return { trips, lines: facts.lines.length };
  } finally {
    await client.close();
    await sandbox.close();
  }
}

describe('readPeriod round trips', () => {
  it('adds only search_read pages when the period has many more lines', async () => {
    const small = await countTrips(0);
    const large = await countTrips(EXTRA_LINES);
    expect(large.lines).toBe(small.lines + EXTRA_LINES);

    const extraPages = Math.ceil(large.lines / PAGE_SIZE);
    expect(large.trips.total - small.trips.total).toBeLessThanOrEqual(extraPages);
    for (const call of [
      'helpdesk.ticket.read',
      'res.users.read',
      'res.company.read',
      'sale.order.read',
      'product.product.search_read',
    ]) {
      const [model, method] = call.split(/\.(?=[a-z_]+$)/) as [string, string];
      expect({ call, count: large.trips.count(model, method) }).toEqual({
        call,
        count: small.trips.count(model, method),
      });
    }
    expect(large.trips.count('res.partner', 'read')).toBeLessThanOrEqual(2);
    expect(large.trips.total).toBeLessThan(2 * small.trips.total);
  });
});
