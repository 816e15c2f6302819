/**
 * Issue 13, item 1: a ticket's 30-minute minimum billed on an open October draft must not come
 * back as a refund when one incremental run re-plans October, November and December together.
 */
import { MemoryCursorStore, type StreamKey } from '../../../src/sync/cursor-store';
import { syncChanges, TIMESHEET_STREAM, TICKET_STREAM } from '../../../src/sync/sync-changes';
import { syncPeriod } from '../../../src/sync/sync-period';
import { ref, ticketStep, timesheetStep } from '../../../src/sandbox/seed-steps';
import { localDate, period } from '../../../src/domain/types';
import { manualClock, useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, shippedConfig } from '../sync/connect';

describe('a minimum billed on an open draft, re-planned with later months in one run', () => {
  const clock = manualClock('2026-11-01T09:00:00Z');
  const sandbox = useSandbox({
    seed: {
      base: 'demo',
      records: [
        {
          model: 'res.partner',
          ref: 'tiny',
          values: {
            name: 'Tiny AB',
            is_company: true,
            category_id: [[6, 0, [ref('tag_on_demand')]]],
          },
        },
        ticketStep('ticket_tiny', 'How do I export?', 'tiny', 'user_support'),
        timesheetStep('ticket_tiny', 'Answered', 0.25, '2026-10-20'),
        timesheetStep('ticket_tiny', 'Answered again', 0.25, '2026-11-03'),
      ],
    },
    clock: clock.now,
  });
  const tinyLines = (key: string) =>
    tallyState(sandbox())
      .invoices.filter((invoice) => invoice.key === key)
      .flatMap((invoice) => invoice.lines);

  beforeAll(() => installTallyFields(sandbox()));

  it('bills the minimum once, in October, and nothing more in November or December', async () => {
    const tiny = sandbox().store.ref('seed.tiny');
    const ticket = sandbox().store.ref('seed.ticket_tiny');
    const client = await connectTo(sandbox());
    await syncPeriod(client, shippedConfig(), {
      period: period('2026-10'),
      today: localDate('2026-11-01'),
    });
    expect(tinyLines(`tally:v1:${tiny}:2026-10`).map((line) => line[2])).toEqual([0, 0.5]);

    // A month later, a cursor from before both lines were written names October and November.
    clock.set('2026-12-02T09:00:00Z');
    // October's line is reworded, so October is re-planned with the months after it.
    const [october] = sandbox().store.search('account.analytic.line', [
      ['date', '=', '2026-10-20'],
      ['name', '=', 'Answered'],
    ]);
    sandbox().store.write('account.analytic.line', [october as number], {
      name: 'Answered the export question',
    });
    const store = new MemoryCursorStore();
    const stream = (name: string): StreamKey => ({ instance: 'sandbox', stream: name });
    for (const name of [TIMESHEET_STREAM, TICKET_STREAM])
      await store.advance(stream(name), { writeDate: '2026-10-01 00:00:00', id: 0 });
    const run = await syncChanges(
      client,
      shippedConfig(),
      { store, instance: 'sandbox' },
      { now: '2026-12-02T09:00:00Z' },
    );
    expect(run.periods.map((result) => result.period)).toEqual(['2026-10', '2026-11', '2026-12']);

    const billed = tallyState(sandbox())
      .invoices.filter((invoice) => String(invoice.key).startsWith(`tally:v1:${tiny}:`))
      .flatMap((invoice) => invoice.lines.map((line) => [invoice.key, line[0], line[2]]));
    // The section line and the minimum, on October's draft only: no December refund.
    expect(billed).toEqual([
      [`tally:v1:${tiny}:2026-10`, `tally:v1:${tiny}:2026-10:${ticket}:section:section`, 0],
      [`tally:v1:${tiny}:2026-10`, `tally:v1:${tiny}:2026-10:${ticket}:billed:user_support`, 0.5],
    ]);
    await client.close();
  });
});
