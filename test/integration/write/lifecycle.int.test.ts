import type { LocalDate, Period } from '../../../src/domain/types';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const JANUARY = '2026-01' as Period;
const FEBRUARY = '2026-02' as Period;
const TODAY = '2026-02-03' as LocalDate;

describe('a draft kept up to date, then posted and corrected', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const sync = async (period: Period, extraTicketIds: number[] = []) =>
    syncPeriod(await connectTo(sandbox()), shippedConfig(), {
      period,
      today: TODAY,
      extraTicketIds,
    });
  const lines = (customer: number, period: Period = JANUARY) =>
    tallyState(sandbox()).invoices.find((entry) => entry.key === `tally:v1:${customer}:${period}`)
      ?.lines ?? [];

  beforeAll(async () => {
    installTallyFields(sandbox());
    await sync(JANUARY);
  });

  it('updates only the changed line when hours are edited', async () => {
    sandbox().store.write('account.analytic.line', [4], { unit_amount: 1.25 });
    const result = await sync(JANUARY);
    expect(result.writes.updateMoves).toEqual([
      expect.objectContaining({ customerId: 8, created: 0, updated: 1, removed: 0 }),
    ]);
    expect(result.writes.createMoves).toEqual([]);
    expect(lines(8)).toContainEqual([
      'tally:v1:8:2026-01:4:billed:user_support',
      'User support: billed hourly',
      1.25,
      950,
      0,
    ]);
  });

  it('moves the time to another line when the category is edited', async () => {
    sandbox().store.write('account.analytic.line', [4], {
      name: '[Bug fix] Restarted the spooler',
    });
    const result = await sync(JANUARY);
    expect(result.writes.updateMoves).toEqual([
      expect.objectContaining({ customerId: 8, created: 1, removed: 1 }),
    ]);
    expect(lines(8).map((line) => line[0])).toEqual([
      'tally:v1:8:2026-01:4:section:section',
      'tally:v1:8:2026-01:4:billed:bug_fix',
    ]);
    const mark = tallyState(sandbox()).timesheets.find((line) => line.id === 4);
    expect(mark).toMatchObject({
      category: 'Bug fix',
      carriedBy: 'tally:v1:8:2026-01:4:billed:bug_fix',
    });
  });

  it('keeps held time on the draft uncharged, and moves it to a line and back as it is fixed', async () => {
    // Timesheet 12 ("Nothing done", 0 h) is held for review on Acme's draft.
    const mark = () => tallyState(sandbox()).timesheets.find((line) => line.id === 12);
    const held = mark();
    expect(held).toMatchObject({ coverage: 'review', carriedBy: false });
    const draft = held?.unchargedOn;
    expect(draft).toMatch(/^tally:v1:\d+:2026-01$/);

    sandbox().store.write('account.analytic.line', [12], { unit_amount: 0.5 });
    const fixed = await sync(JANUARY);
    expect(fixed.writes.groupWrites.filter((w) => w.model === 'account.analytic.line')).toEqual([]);
    // Acme holds a prepaid pack: the half hour is drawn from it.
    expect(mark()).toMatchObject({
      coverage: 'prepaid',
      carriedBy: expect.stringMatching(/^tally:v1:\d+:2026-01:\d+:drawdown:\d+$/),
      unchargedOn: false,
    });

    sandbox().store.write('account.analytic.line', [12], { unit_amount: 0 });
    await sync(JANUARY);
    expect(mark()).toEqual(held);
    expect(tallyState(sandbox()).invoices.find((entry) => entry.key === draft)).toBeDefined();
    expect((await sync(JANUARY)).applied?.calls).toBe(0);
  });

  it("releases time redated into another month from the first month's draft entirely", async () => {
    const mark = () => tallyState(sandbox()).timesheets.find((line) => line.id === 3);
    expect(mark()).toMatchObject({
      carriedBy: 'tally:v1:6:2026-01:3:covered:patching.patch',
      invoice: 'tally:v1:6:2026-01',
    });
    sandbox().store.write('account.analytic.line', [3], { date: '2026-02-10' });
    await sync(JANUARY);
    expect(mark()).toMatchObject({ carriedBy: false, unchargedOn: false, invoice: false });
    await sync(FEBRUARY);
    expect(mark()).toMatchObject({
      carriedBy: 'tally:v1:6:2026-02:3:covered:patching.patch',
      invoice: 'tally:v1:6:2026-02',
    });
    expect((await sync(JANUARY)).applied?.calls).toBe(0);
  });

  it('never touches a posted invoice; a later edit becomes a correction on the next draft', async () => {
    const [fjord] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', 'tally:v1:7:2026-01'],
    ]);
    sandbox().store.call('account.move', 'action_post', [[fjord]]);
    const [posted] = sandbox().store.read('account.move', [fjord as number], ['name']);
    const before = tallyState(sandbox()).invoices.find((entry) => entry.customer === 7);

    // Data import on HT00002 was 3 h in January; after posting it turns out to have been 2 h.
    sandbox().store.write('account.analytic.line', [2], { unit_amount: 2 });
    const january = await sync(JANUARY);
    expect(january.closed).toEqual([
      expect.objectContaining({ customerId: 7, state: 'posted', name: posted?.name }),
    ]);
    expect(january.writes.updateMoves.filter((update) => update.customerId === 7)).toEqual([]);
    expect(tallyState(sandbox()).invoices.find((entry) => entry.customer === 7)).toEqual(before);

    // And an hour of new-instance work on HT00012 is logged on 30 January, after posting.
    const [newInstance] = sandbox().store.search('helpdesk.ticket', [
      ['name', '=', 'New instance work'],
    ]);
    sandbox().store.create('account.analytic.line', {
      name: 'Forgot to log the DNS work',
      unit_amount: 1,
      date: '2026-01-30',
      project_id: sandbox().store.ref('project_support'),
      employee_id: sandbox().store.ref('employee_admin'),
      ticket_id: newInstance,
    });
    await sync(FEBRUARY, [2, newInstance as number]);
    expect(lines(7, FEBRUARY)).toEqual(
      expect.arrayContaining([
        ['tally:v1:7:2026-02:2:section:section', 'HT00002 - Import price list', 0, 0, 0],
        [
          'tally:v1:7:2026-02:2:correction:data_import',
          `Correction: Data import, time billed in earlier periods was reduced (corrects ${String(posted?.name)})`,
          -1,
          950,
          0,
        ],
        [
          `tally:v1:7:2026-02:${String(newInstance)}:correction:new_instance`,
          `Correction: New instance, time logged in earlier periods after they were invoiced (corrects ${String(posted?.name)})`,
          1,
          950,
          0,
        ],
      ]),
    );
    const rerun = await sync(FEBRUARY);
    expect(rerun.applied?.calls).toBe(0);
  });
});

describe('time moved between two customers in one run', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const sync = async () =>
    syncPeriod(await connectTo(sandbox()), shippedConfig(), { period: JANUARY, today: TODAY });
  const mark = (id: number) => tallyState(sandbox()).timesheets.find((line) => line.id === id);
  const ticketNamed = (name: string) =>
    sandbox().store.search('helpdesk.ticket', [['name', '=', name]])[0] as number;

  beforeAll(async () => {
    installTallyFields(sandbox());
    await sync();
  });

  it('keeps the link a draft written first made, when another draft releases the time after', async () => {
    // Customer 4's draft is written before customer 7's. Odoo unlinks a one2many member without
    // asking who holds it now, so customer 7's draft must not release what customer 4's took.
    const [fjordLine] = sandbox().store.search('account.analytic.line', [
      ['ticket_id', '=', ticketNamed('Bug fix work')],
    ]);
    const id = fjordLine as number;
    expect(mark(id)).toMatchObject({ invoice: 'tally:v1:7:2026-01' });
    sandbox().store.write('account.analytic.line', [id], {
      ticket_id: ticketNamed('Migrate customers'),
    });
    const moved = await sync();
    expect(moved.writes.updateMoves.map((update) => update.customerId)).toEqual([4, 7]);
    expect(mark(id)).toMatchObject({
      carriedBy: expect.stringMatching(/^tally:v1:4:2026-01:\d+:drawdown:/),
      invoice: 'tally:v1:4:2026-01',
    });
    expect((await sync()).applied?.calls).toBe(0);
  });

  it('keeps held time on the draft that took it, whichever draft is written first', async () => {
    const [fjordLine] = sandbox().store.search('account.analytic.line', [
      ['ticket_id', '=', ticketNamed('Training work')],
    ]);
    const id = fjordLine as number;
    sandbox().store.write('account.analytic.line', [id], { unit_amount: 0 });
    await sync();
    expect(mark(id)).toMatchObject({ coverage: 'review', unchargedOn: 'tally:v1:7:2026-01' });
    sandbox().store.write('account.analytic.line', [id], {
      ticket_id: ticketNamed('Migrate customers'),
    });
    await sync();
    expect(mark(id)).toMatchObject({ coverage: 'review', unchargedOn: 'tally:v1:4:2026-01' });
    expect((await sync()).applied?.calls).toBe(0);
  });
});
