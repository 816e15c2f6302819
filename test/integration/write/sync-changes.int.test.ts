import { RoundTripCounter } from '../../../src/odoo/round-trips';
import { MemoryCursorStore } from '../../../src/sync/cursor-store';
import { summarizeRun } from '../../../src/sync/summarize-run';
import { syncChanges, TIMESHEET_STREAM } from '../../../src/sync/sync-changes';
import { manualClock, useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const NOW = '2026-02-03T08:00:00Z';

describe('incremental sync runs', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const cursors = { store: new MemoryCursorStore(), instance: 'sandbox' };
  const run = async (trips?: RoundTripCounter) =>
    syncChanges(await connectTo(sandbox(), trips), shippedConfig(), cursors, { now: NOW });

  beforeAll(() => installTallyFields(sandbox()));

  it('syncs the previous and the current period on the first run and sets the cursor', async () => {
    const trips = new RoundTripCounter();
    const first = await run(trips);
    // The summary counts every write call, the ones left to the end of the run included.
    const writes = [
      'account.move',
      'account.analytic.line',
      'sale.order.line',
      'helpdesk.ticket',
      'res.partner',
    ]
      .flatMap((model) => ['create', 'write', 'unlink'].map((method) => trips.count(model, method)))
      .reduce((sum, count) => sum + count, trips.count('mail.activity', 'create'));
    expect(first.finalWrites?.calls).toBeGreaterThan(0);
    expect(summarizeRun(first, 2).writeCalls).toBe(writes);
    expect(first.periods.map((result) => result.period)).toEqual(['2026-01', '2026-02']);
    expect(first.cursor).not.toBeNull();
    expect(tallyState(sandbox()).invoices.map((entry) => entry.key)).toEqual(
      expect.arrayContaining(['tally:v1:7:2026-01', 'tally:v1:8:2026-02']),
    );
  });

  it('writes nothing when nothing changed', async () => {
    const again = await run();
    // The first run's own marks are not changes: only the current month is planned again.
    expect(again.changedLines).toBe(0);
    expect(again.periods.map((result) => result.period)).toEqual(['2026-02']);
    expect(again.periods.map((result) => result.applied?.calls)).toEqual(
      again.periods.map(() => 0),
    );
  });

  it('turns an edit of posted time into a correction on the current draft', async () => {
    const [fjord] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', 'tally:v1:7:2026-01'],
    ]);
    sandbox().store.call('account.move', 'action_post', [[fjord]]);
    sandbox().store.write('account.analytic.line', [2], { unit_amount: 2 });
    const result = await run();
    expect(result.periods.find((entry) => entry.period === '2026-01')?.closed).toEqual([
      expect.objectContaining({ customerId: 7, state: 'posted' }),
    ]);
    const february = tallyState(sandbox()).invoices.find(
      (entry) => entry.key === 'tally:v1:7:2026-02',
    );
    expect(february?.lines.map((line) => [line[0], line[2]])).toContainEqual([
      'tally:v1:7:2026-02:2:correction:data_import',
      -1,
    ]);
    const after = await run();
    expect(after.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
  });

  it('turns a ticket reclassified after posting into a correction on the current draft', async () => {
    const [training] = sandbox().store.search('helpdesk.ticket', [['name', '=', 'Training work']]);
    sandbox().store.write('helpdesk.ticket', [training as number], {
      category_id: sandbox().store.ref('category_bug_fix'),
    });
    await run();
    const february = tallyState(sandbox()).invoices.find(
      (entry) => entry.key === 'tally:v1:7:2026-02',
    );
    const corrections = (february?.lines ?? []).filter((line) =>
      String(line[0]).startsWith(`tally:v1:7:2026-02:${String(training)}:correction:`),
    );
    expect(corrections.map((line) => line[2])).toEqual([-1]);
    const after = await run();
    expect(after.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
  });

  it('a dry run computes the writes and makes none', async () => {
    sandbox().store.write('account.analytic.line', [3], { unit_amount: 3 });
    const before = tallyState(sandbox());
    const dry = await syncChanges(await connectTo(sandbox()), shippedConfig(), cursors, {
      now: NOW,
      dryRun: true,
    });
    expect(dry.periods.some((entry) => entry.writes.updateMoves.length > 0)).toBe(true);
    expect(dry.periods.every((entry) => entry.applied === null)).toBe(true);
    expect(tallyState(sandbox())).toEqual(before);
  });
});

describe("a customer's own runs (what the queue's per-customer jobs make)", () => {
  const clock = manualClock('2026-01-05T09:00:00Z');
  const sandbox = useSandbox({ seed: writeScenario(), clock: clock.now });
  const store = new MemoryCursorStore();
  const runFor = async (customerId: number) =>
    syncChanges(
      await connectTo(sandbox()),
      shippedConfig(),
      { store, instance: `sandbox/customer/${customerId}` },
      { now: NOW, customerId },
    );
  const januaryKeys = (customer: number) =>
    tallyState(sandbox())
      .invoices.find((entry) => entry.key === `tally:v1:${customer}:2026-01`)
      ?.lines.map((line) => String(line[0])) ?? [];

  /** Moves both customers' bookmarks past everything so far, then the clock an hour on. */
  const settle = async (writeDate: string) => {
    for (const customer of [7, 8])
      await store.advance(
        { instance: `sandbox/customer/${customer}`, stream: TIMESHEET_STREAM },
        { writeDate, id: 0 },
      );
    clock.advance(3600);
  };

  beforeAll(async () => {
    installTallyFields(sandbox());
    for (const customer of [7, 8]) await runFor(customer);
    await settle('2026-01-05 09:30:00');
  });

  it("reads only the customer's own changed timesheets", async () => {
    // An hour edit on Printer offline (customer 8) is no business of Fjord's (customer 7).
    sandbox().store.write('account.analytic.line', [4], { unit_amount: 1.5 });
    expect((await runFor(7)).changedLines).toBe(0);
    const own = await runFor(8);
    expect(own.changedLines).toBe(1);
    for (const { facts } of own.periods) {
      const tickets = new Set(facts.tickets.map((ticket) => Number(ticket.id)));
      expect(facts.odoo.timesheets.length).toBeGreaterThan(0);
      expect(facts.odoo.timesheets.every((line) => tickets.has(line.ticket_id?.id ?? 0))).toBe(
        true,
      );
    }
    const updated = own.periods.flatMap((entry) => entry.writes.updateMoves);
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((update) => update.customerId === 8)).toBe(true);
  });

  it('takes time logged on the wrong ticket off the first draft and onto the other', async () => {
    await settle('2026-01-05 10:30:00');
    const [fjordTicket] = sandbox().store.search('helpdesk.ticket', [
      ['name', '=', 'Bug fix work'],
    ]);
    expect(januaryKeys(8)).toContain('tally:v1:8:2026-01:4:billed:user_support');
    sandbox().store.write('account.analytic.line', [4], { ticket_id: fjordTicket });

    const left = await runFor(8);
    expect(left.changedLines).toBe(1);
    expect(januaryKeys(8).filter((key) => key.includes(':4:'))).toEqual([]);
    await runFor(7);
    const moved = tallyState(sandbox()).timesheets.find((line) => line.id === 4);
    expect(moved?.carriedBy).toMatch(/^tally:v1:7:2026-01:/);
    for (const customer of [7, 8]) {
      const rerun = await runFor(customer);
      expect(rerun.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
    }
  });
});
