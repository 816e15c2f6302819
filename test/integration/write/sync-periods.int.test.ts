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
import { parseLineKey } from '../../../src/domain/line-key';
import { readPeriod } from '../../../src/sync/read-period';
import { readLedger } from '../../../src/sync/read/read-ledger';
import { CHARGED_KINDS } from '../../../src/sync/write/billing-ledger';
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
    // Marks no draft holds ride in their ticket's write (each carries its line's own stamp).
    const marks = ['account.analytic.line', 'helpdesk.ticket'];
    expect(writeCalls(runTrips, marks)).toBeLessThan(writeCalls(monthTrips, marks));
    expect(writeCalls(runTrips, ['sale.order.line'])).toBeLessThan(
      writeCalls(monthTrips, ['sale.order.line']),
    );
  });

  it("reads of earlier billing only the charges of the month's tickets and its packs' drawdowns", async () => {
    const client = await connectTo(oneRun());
    const october = await readPeriod(client, shippedConfig(), { period: MONTHS[2] as Period });
    const tickets = new Set(october.tickets.map((ticket) => String(ticket.id)));
    const packs = new Set(october.packs.map((pack) => String(pack.id)));
    const ledger = await readLedger(client, {
      customerIds: october.customers.map((customer) => Number(customer.id)),
      ticketIds: [...tickets].map(Number),
      packs: october.packs.map((pack) => ({
        id: Number(pack.id),
        customerId: Number(pack.customerId),
      })),
    });
    const wanted = (key: string | null) => {
      const parts = key === null ? null : parseLineKey(key);
      if (parts === null || !CHARGED_KINDS.includes(parts.kind)) return false;
      return (
        tickets.has(String(parts.ticketId)) ||
        (parts.kind === 'drawdown' && packs.has(parts.discriminator))
      );
    };
    const everyCharge = oneRun().store.searchRead(
      'account.move.line',
      [['x_tally_key', '!=', false]],
      ['x_tally_key'],
    ) as { id: number; x_tally_key: string }[];
    const expected = everyCharge.filter((line) => wanted(line.x_tally_key)).map((line) => line.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everyCharge.length / 2);
    expect(ledger.lines.map((line) => line.id).sort((a, b) => a - b)).toEqual(
      expected.sort((a, b) => a - b),
    );
    expect(
      ledger.lines.some((line) => parseLineKey(line.x_tally_key ?? '')?.kind === 'drawdown'),
    ).toBe(true);
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
