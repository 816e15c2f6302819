/**
 * The bad-input corpus for Odoo data: each row is a record that makes no sense (or a setup that
 * cannot work), seeded beside the write scenario. One sync runs over all of them; each row checks
 * the precise message naming its record, and that its time reached no invoice line.
 */
import type { LocalDate, Period } from '../../../src/domain/types';
import { isTallyError } from '../../../src/shared/errors';
import type { SeedStep } from '../../../src/sandbox/seed';
import { ref, ticketStep, timesheetStep as line } from '../../../src/sandbox/seed-steps';
import { startSandbox } from '../../../src/sandbox';
import { syncPeriod, type PeriodSyncResult } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { assigned, writeScenario } from '../write/write-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;

const BAD_RECORDS: SeedStep[] = [
  line('ticket_printer', 'Negative by mistake', -1, '2026-01-21'),
  line('ticket_crash', 'Forgot to stop the timer', 25, '2026-01-23'),
  {
    model: 'helpdesk.ticket.category',
    ref: 'category_gardening',
    values: { name: 'Gardening' },
  },
  assigned(ticketStep('ticket_garden', 'Prune the hedge', 'acme', 'gardening')),
  line('ticket_garden', 'Pruned', 1, '2026-01-19'),
  {
    model: 'res.partner',
    ref: 'both',
    values: {
      name: 'Both Tags AB',
      is_company: true,
      category_id: [[6, 0, [ref('tag_on_demand'), ref('tag_patch_agreement')]]],
    },
  },
  ticketStep('ticket_both', 'Patch the server', 'both', 'patching'),
  line('ticket_both', 'Patched', 1, '2026-01-16'),
  line('ticket_both', '[Gardening] Patched the rest', 0.5, '2026-01-17'),
];

describe('bad Odoo data: named, held back, nothing wrong written', () => {
  const sandbox = useSandbox({
    seed: { ...writeScenario(), records: [...(writeScenario().records ?? []), ...BAD_RECORDS] },
    clock: SCENARIO_NOW,
  });
  let result: PeriodSyncResult;
  let state: ReturnType<typeof tallyState>;

  beforeAll(async () => {
    installTallyFields(sandbox());
    result = await syncPeriod(await connectTo(sandbox()), shippedConfig(), {
      period: JANUARY,
      today: TODAY,
    });
    state = tallyState(sandbox());
  });

  const timesheetNamed = (name: string) => {
    const [id] = sandbox().store.search('account.analytic.line', [['name', '=', name]]);
    return state.timesheets.find((entry) => entry.id === id);
  };
  const decisionOf = (name: string) => {
    const [id] = sandbox().store.search('account.analytic.line', [['name', '=', name]]);
    return result.plans
      .flatMap(({ plan }) => plan.decisions)
      .find((decision) => decision.lineId === String(id));
  };

  const activityNote = (name: string) => {
    const [line] = sandbox().store.searchRead(
      'account.analytic.line',
      [['name', '=', name]],
      ['ticket_id'],
    );
    const ticket = (line?.ticket_id as [number, string])[0];
    return (
      sandbox().store.searchRead(
        'mail.activity',
        [
          ['res_model', '=', 'helpdesk.ticket'],
          ['res_id', '=', ticket],
        ],
        ['note'],
      ) as { note: string }[]
    )
      .map((activity) => activity.note)
      .join(' ');
  };

  it.each([
    [
      'zero hours',
      'Nothing done',
      /Timesheet \d+ has 0\.00 h; log a positive duration or delete it/,
      'zero or negative time',
    ],
    [
      'negative hours',
      'Negative by mistake',
      /Timesheet \d+ has -1\.00 h/,
      'zero or negative time',
    ],
    [
      'more than 24 hours',
      'Forgot to stop the timer',
      /Timesheet \d+ has 25\.00 h/,
      'more than 24 hours',
    ],
    [
      'a ticket without customer',
      'Answered a call',
      /Ticket \d+ has no customer/,
      'a ticket with no customer',
    ],
    [
      'a category no rule knows',
      'Pruned',
      /Timesheet \d+ matches no service category/,
      'no rule gave the work a service category',
    ],
    [
      'a line [prefix] that is not a category',
      '[Gardening] Patched the rest',
      /Timesheet \d+ starts with \[Gardening\], which is not a category/,
      '[Gardening] is not a category',
    ],
    [
      'maintenance without patch',
      'Fixed the report',
      /requires patch on 2026-01-10/,
      'without a tier it requires',
    ],
  ])(
    '%s: held for review; the assignee is told which record and what to fix',
    (_case, name, precise, kind) => {
      const mark = timesheetNamed(name);
      expect(mark?.coverage).toBe('review');
      expect(mark?.reason).toContain(kind);
      expect(mark?.carriedBy).toBe(false);
      expect(mark?.invoice).toBe(false);
      expect(activityNote(name)).toMatch(precise);
    },
  );

  it('overlapping agreements of unrelated tiers bill under the higher one, with a warning', () => {
    const decision = decisionOf('Patched');
    expect(decision?.coverage).toBe('covered');
    expect(decision?.problems.map((problem) => problem.code)).toContain('AGREEMENT_OVERLAP');
    expect(timesheetNamed('Patched')?.carriedBy).toMatch(/:covered:patching\.patch$/);
  });

  it('no invoice line carries any held time, and the rest of the period is written', () => {
    const held = state.timesheets.filter((entry) => entry.coverage === 'review');
    expect(held.length).toBeGreaterThanOrEqual(6);
    expect(held.every((entry) => entry.carriedBy === false)).toBe(true);
    expect(state.invoices.map((entry) => entry.key)).toEqual(
      expect.arrayContaining(['tally:v1:4:2026-01', 'tally:v1:7:2026-01', 'tally:v1:8:2026-01']),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({ model: 'helpdesk.ticket', path: 'partner_id' }),
    );
  });
});

describe('a setup that cannot work stops before writing, naming what to fix', () => {
  it.each([
    [
      'the hourly product is archived',
      (s: Awaited<ReturnType<typeof startSandbox>>) =>
        s.store.write(
          'product.product',
          s.store.search('product.product', [['default_code', '=', 'SUPPORT-HOUR']]),
          {
            active: false,
          },
        ),
      /create a product with internal reference "SUPPORT-HOUR"/,
    ],
    ['Tally fields are missing', () => undefined, /run `tally setup`/],
  ])('%s', async (_case, breakIt, message) => {
    const sandbox = await startSandbox({ port: 0, seed: writeScenario(), clock: SCENARIO_NOW });
    try {
      if (_case !== 'Tally fields are missing') installTallyFields(sandbox);
      breakIt(sandbox);
      sandbox.stats.reset();
      const error = await syncPeriod(await connectTo(sandbox), shippedConfig(), {
        period: JANUARY,
        today: TODAY,
      }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isTallyError(error) && error.retryable).toBe(false);
      expect((error as Error).message).toMatch(message);
      expect(sandbox.stats.writes).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});
