/**
 * A run of several months (what `tally sync` does when several changed, and the bench's full
 * sync) against the same months synced one by one, on two copies of the demo company: the same
 * Odoo state at the end, fewer writes for the run, and nothing left to write after it.
 */
import type { LocalDate, Period } from '../../../src/domain/types';
import { RoundTripCounter } from '../../../src/odoo/round-trips';
import { DEMO_MONTHS } from '../../../src/sandbox/demo-company/demo-company';
import { syncPeriod } from '../../../src/sync/sync-period';
import { syncPeriods } from '../../../src/sync/sync-periods';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, shippedConfig } from '../sync/connect';

const TODAY = '2026-10-31' as LocalDate;
const MONTHS = DEMO_MONTHS.map((month) => month as Period);
const WRITTEN = ['account.move', 'account.analytic.line', 'sale.order.line', 'helpdesk.ticket'];

const writeCalls = (trips: RoundTripCounter, models: readonly string[] = WRITTEN) =>
  models
    .flatMap((model) => ['create', 'write', 'unlink'].map((method) => trips.count(model, method)))
    .reduce((sum, count) => sum + count, 0);

describe('syncing several months in one run', () => {
  const oneRun = useSandbox({ seed: 'demo-company' });
  const monthByMonth = useSandbox({ seed: 'demo-company' });
  const runTrips = new RoundTripCounter();
  const monthTrips = new RoundTripCounter();
  let results: number;

  beforeAll(async () => {
    installTallyFields(oneRun());
    installTallyFields(monthByMonth());
    const runClient = await connectTo(oneRun(), runTrips);
    results = 0;
    await syncPeriods(
      runClient,
      shippedConfig(),
      MONTHS.map((period) => ({ period })),
      { today: TODAY },
      () => (results += 1),
    );
    const monthClient = await connectTo(monthByMonth(), monthTrips);
    for (const period of MONTHS)
      await syncPeriod(monthClient, shippedConfig(), { period, today: TODAY });
  });

  it('ends in the same Odoo state as syncing the months one by one', () => {
    expect(results).toBe(MONTHS.length);
    const state = tallyState(oneRun());
    expect(state.invoices.length).toBeGreaterThan(20);
    expect(state.timesheets.filter((line) => line.coverage === 'review').length).toBeGreaterThan(0);
    expect(state).toEqual(tallyState(monthByMonth()));
  });

  it('writes marks and pack deliveries with fewer calls, the invoices alike', () => {
    expect(writeCalls(runTrips, ['account.move'])).toBe(writeCalls(monthTrips, ['account.move']));
    expect(writeCalls(runTrips, ['account.analytic.line'])).toBeLessThan(
      writeCalls(monthTrips, ['account.analytic.line']),
    );
    expect(writeCalls(runTrips, ['sale.order.line'])).toBeLessThan(
      writeCalls(monthTrips, ['sale.order.line']),
    );
  });

  it('leaves nothing to write: a second run makes no write', async () => {
    const trips = new RoundTripCounter();
    const applied = await syncPeriods(
      await connectTo(oneRun(), trips),
      shippedConfig(),
      MONTHS.map((period) => ({ period })),
      { today: TODAY },
      () => undefined,
    );
    expect(applied?.calls).toBe(0);
    expect(writeCalls(trips)).toBe(0);
  });
});
