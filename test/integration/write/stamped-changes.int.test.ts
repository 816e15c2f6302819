/**
 * Issue 13, items 2 and 4: Tally's own marks are not changes, and a change made while no cursor
 * watched (the first incremental run, or Redis lost with every key) still becomes a correction,
 * exactly once.
 */
import type { RoundTripCounter } from '../../../src/odoo/round-trips';
import { MemoryCursorStore } from '../../../src/sync/cursor-store';
import { syncChanges } from '../../../src/sync/sync-changes';
import { syncPeriod } from '../../../src/sync/sync-period';
import { localDate, period } from '../../../src/domain/types';
import { manualClock, useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const FJORD = 7;

/** The lines of a customer's draft of a period, as `[key, quantity]`. */
function draftLines(sandbox: Parameters<typeof tallyState>[0], customer: number, month: string) {
  return (
    tallyState(sandbox)
      .invoices.find((entry) => entry.key === `tally:v1:${customer}:${month}`)
      ?.lines.map((line) => [String(line[0]), line[2]] as const) ?? []
  );
}

describe('incremental runs after a quiet hour (issue 13, item 4)', () => {
  // The seed is written a month before the runs, as a database that existed before Tally.
  const clock = manualClock('2026-01-05T09:00:00Z');
  const sandbox = useSandbox({ seed: writeScenario(), clock: clock.now });
  const cursors = { store: new MemoryCursorStore(), instance: 'sandbox' };
  const run = async (now: string, trips?: RoundTripCounter) => {
    clock.set(now);
    return syncChanges(await connectTo(sandbox(), trips), shippedConfig(), cursors, { now });
  };

  beforeAll(() => installTallyFields(sandbox()));

  it('re-plans only the current month: the marks the last run wrote are not changes', async () => {
    const first = await run('2026-02-03T08:00:00Z');
    expect(first.periods.map((entry) => entry.period)).toEqual(['2026-01', '2026-02']);
    expect(first.finalWrites?.calls ?? 0).toBeGreaterThan(0);

    // The marks were written seconds ago, inside the overlap every run reads again.
    for (const now of ['2026-02-03T08:02:00Z', '2026-02-03T09:00:00Z', '2026-02-03T10:00:00Z']) {
      const quiet = await run(now);
      expect(quiet.changedLines).toBe(0);
      expect(quiet.periods.map((entry) => entry.period)).toEqual(['2026-02']);
      expect(quiet.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
    }
  });

  it('still re-plans the month of a timesheet whose hours changed, and only it', async () => {
    sandbox().store.write('account.analytic.line', [2], { unit_amount: 2.5 });
    const edited = await run('2026-02-03T11:00:00Z');
    expect(edited.changedLines).toBe(1);
    expect(edited.periods.map((entry) => entry.period)).toEqual(['2026-01', '2026-02']);
    const quiet = await run('2026-02-03T11:01:00Z');
    expect(quiet.changedLines).toBe(0);
  });

  it('re-plans last month when a ticket was reclassified, but not for a review note of its own', async () => {
    const [training] = sandbox().store.search('helpdesk.ticket', [['name', '=', 'Training work']]);
    // Tally's own kind of write on a ticket: the review note (here written by hand).
    sandbox().store.write('helpdesk.ticket', [training as number], { x_tally_review: 'noted' });
    const noted = await run('2026-02-03T12:00:00Z');
    expect(noted.periods.map((entry) => entry.period)).toEqual(['2026-02']);

    sandbox().store.write('helpdesk.ticket', [training as number], {
      category_id: sandbox().store.ref('category_bug_fix'),
    });
    const reclassified = await run('2026-02-03T13:00:00Z');
    expect(reclassified.periods.map((entry) => entry.period)).toEqual(['2026-01', '2026-02']);
    expect(reclassified.periods.some((entry) => (entry.applied?.calls ?? 0) > 0)).toBe(true);
  });
});

/** Fjord's lines on its open drafts of February and March. */
const openLines = (sandbox: Parameters<typeof tallyState>[0]) => [
  ...draftLines(sandbox, FJORD, '2026-02'),
  ...draftLines(sandbox, FJORD, '2026-03'),
];

describe('a change made while no cursor watched (issue 13, item 2; Redis lost)', () => {
  const clock = manualClock('2026-01-05T09:00:00Z');
  const sandbox = useSandbox({ seed: writeScenario(), clock: clock.now });
  const NOW = '2026-03-05T08:00:00Z';

  const incremental = async (store: MemoryCursorStore) => {
    clock.set(NOW);
    return syncChanges(
      await connectTo(sandbox()),
      shippedConfig(),
      { store, instance: 'sandbox' },
      { now: NOW },
    );
  };

  beforeAll(async () => {
    installTallyFields(sandbox());
    const client = await connectTo(sandbox());
    for (const month of ['2026-01', '2026-02'])
      await syncPeriod(client, shippedConfig(), {
        period: period(month),
        today: localDate('2026-03-01'),
      });
    const [january] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', `tally:v1:${FJORD}:2026-01`],
    ]);
    sandbox().store.call('account.move', 'action_post', [[january]]);
  });

  it('bills an hour added to posted January on the first incremental run, with no cursor yet', async () => {
    // Hours after the period runs and before the first scheduled run: 3 h become 4 h.
    clock.set('2026-03-02T10:00:00Z');
    sandbox().store.write('account.analytic.line', [2], { unit_amount: 4 });
    const store = new MemoryCursorStore();
    await incremental(store);
    // February's draft is still open: the first draft after the posted month carries it.
    expect(draftLines(sandbox(), FJORD, '2026-02')).toContainEqual([
      `tally:v1:${FJORD}:2026-02:2:correction:data_import`,
      1,
    ]);
    const again = await incremental(store);
    expect(again.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
  });

  it('bills a ticket reclassified after posting, and bills nothing twice when Redis is lost again', async () => {
    const [training] = sandbox().store.search('helpdesk.ticket', [['name', '=', 'Training work']]);
    clock.set('2026-03-03T10:00:00Z');
    sandbox().store.write('helpdesk.ticket', [training as number], {
      category_id: sandbox().store.ref('category_bug_fix'),
    });
    const before = openLines(sandbox());
    await incremental(new MemoryCursorStore());
    const after = openLines(sandbox());
    const added = after.filter(([key]) => !before.some(([known]) => known === key));
    expect(added.map(([key]) => key)).toEqual(
      expect.arrayContaining([expect.stringMatching(/:correction:/)]),
    );

    // Redis loses every key once more: the reconciliation finds nothing left to correct.
    const lost = await incremental(new MemoryCursorStore());
    expect(lost.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
    expect(lost.finalWrites?.calls ?? 0).toBe(0);
    expect(openLines(sandbox())).toEqual(after);
  });
});

describe('months no run saw, and time moved off a posted ticket (found by the sequence property)', () => {
  const clock = manualClock('2026-01-05T09:00:00Z');
  const sandbox = useSandbox({ seed: writeScenario(), clock: clock.now });
  const cursors = { store: new MemoryCursorStore(), instance: 'sandbox' };
  const run = async (now: string) => {
    clock.set(now);
    return syncChanges(await connectTo(sandbox()), shippedConfig(), cursors, { now });
  };

  beforeAll(() => installTallyFields(sandbox()));

  it('plans every month since the last run, so a month the worker was down for still bills its fees', async () => {
    await run('2026-01-10T08:00:00Z');
    await run('2026-01-10T09:00:00Z');
    // No run in February or March: the next one comes in April.
    const april = await run('2026-04-02T08:00:00Z');
    expect(april.periods.map((entry) => entry.period)).toEqual(['2026-02', '2026-03', '2026-04']);
    for (const month of ['2026-02', '2026-03'])
      expect(draftLines(sandbox(), FJORD, month)).toContainEqual([
        `tally:v1:${FJORD}:${month}:-:fee:patch`,
        1,
      ]);
    const again = await run('2026-04-02T09:00:00Z');
    expect(again.periods.map((entry) => entry.period)).toEqual(['2026-04']);
  });

  it('refunds the ticket that was billed for time moved to another ticket after posting', async () => {
    const [january] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', `tally:v1:${FJORD}:2026-01`],
    ]);
    sandbox().store.call('account.move', 'action_post', [[january]]);
    const [training] = sandbox().store.search('helpdesk.ticket', [['name', '=', 'Training work']]);
    const [dataImport] = sandbox().store.search('helpdesk.ticket', [
      ['name', '=', 'Data import work'],
    ]);
    const [line] = sandbox().store.search('account.analytic.line', [
      ['ticket_id', '=', training as number],
    ]);
    sandbox().store.write('account.analytic.line', [line as number], { ticket_id: dataImport });
    await run('2026-04-02T10:00:00Z');
    // Last month's draft (March) carries both: the run plans it with the corrected tickets.
    const corrections = ['2026-02', '2026-03', '2026-04'].flatMap((month) =>
      draftLines(sandbox(), FJORD, month).filter(([key]) => key.includes(':correction:')),
    );
    expect(corrections).toEqual([
      [`tally:v1:${FJORD}:2026-03:${dataImport}:correction:data_import`, 1],
      [`tally:v1:${FJORD}:2026-03:${training}:correction:-`, -1],
    ]);
  });
});
