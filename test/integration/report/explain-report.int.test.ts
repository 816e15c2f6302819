/**
 * `tally explain` and `tally report` on the write scenario over real HTTP: after a sync, every
 * explanation names the invoice line the sync recorded on the timesheet, and the report's rows
 * match the drafts in Odoo.
 */
import type { LocalDate, Period } from '../../../src/domain/types';
import { buildExplanation } from '../../../src/report/explain/build-explanation';
import type { Explanation, LineExplanation } from '../../../src/report/explain/explanation';
import { buildPeriodReport } from '../../../src/report/period-report/build-period-report';
import type { SandboxSeed } from '../../../src/sandbox/seed';
import { ref } from '../../../src/sandbox/seed-steps';
import type { HelpdeskEdition } from '../../../src/sandbox/seed-steps';
import { gatherWorkToExplain, type ExplainTarget } from '../../../src/sync/explain-work';
import { readPeriodReportData } from '../../../src/sync/period-report-data';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox, type Sandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from '../write/write-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;

/** The write scenario plus an internal timesheet that is on no ticket. */
function scenario(edition: HelpdeskEdition = 'oca'): SandboxSeed {
  const base = writeScenario(edition);
  return {
    ...base,
    records: [
      ...(base.records ?? []),
      {
        model: 'account.analytic.line',
        ref: 'internal_meeting',
        values: {
          name: 'Team meeting',
          unit_amount: 1,
          date: '2026-01-15',
          project_id: ref('project_support'),
          employee_id: ref('employee_admin'),
        },
      },
    ],
  };
}

async function explain(sandbox: Sandbox, target: ExplainTarget, period?: Period) {
  const client = await connectTo(sandbox);
  try {
    const config = shippedConfig();
    const work = await gatherWorkToExplain(client, config, target, period ? { period } : {});
    return buildExplanation(work, config.settings, config.currencyDecimals);
  } finally {
    await client.close();
  }
}

const onlyLine = (explanation: Explanation): LineExplanation => {
  const lines = explanation.periods.flatMap((entry) => entry.lines);
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('tally explain and report after a sync', () => {
  const sandbox = useSandbox({ seed: scenario(), clock: SCENARIO_NOW });
  let state: ReturnType<typeof tallyState>;

  beforeAll(async () => {
    installTallyFields(sandbox());
    const client = await connectTo(sandbox());
    await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
    await client.close();
    state = tallyState(sandbox());
  });

  it('names, for every January timesheet, the line the sync recorded on it', async () => {
    const january = state.timesheets.filter((line) => line.coverage !== false);
    expect(january.length).toBeGreaterThan(10);
    for (const mark of january) {
      const line = onlyLine(await explain(sandbox(), { kind: 'timesheet', id: Number(mark.id) }));
      expect({ id: mark.id, recorded: line.recorded?.key ?? false, inSync: line.inSync }).toEqual({
        id: mark.id,
        recorded: mark.carriedBy,
        inSync: true,
      });
      const coverage =
        line.destination.kind === 'invoice' &&
        line.destination.lines.some((planned) => planned.kind === 'drawdown')
          ? 'prepaid'
          : line.coverage;
      expect([mark.id, coverage]).toEqual([mark.id, mark.coverage]);
    }
  });

  it('explains prepaid work: agreement, category rule, the pack line on the draft', async () => {
    const explanation = await explain(sandbox(), { kind: 'timesheet', id: 1 });
    expect(explanation.ticket).toEqual({
      id: 1,
      number: 'HT00001',
      name: 'VPN down',
      customer: { id: 4, name: 'Acme AB' },
    });
    expect(explanation.history).toBe('invoices');
    expect(onlyLine(explanation)).toMatchObject({
      date: '2026-01-12',
      minutes: 90,
      coverage: 'billable',
      tier: { key: 'on_demand', agreement: { source: expect.stringMatching(/partner tag/) } },
      category: { key: 'technical_support', ruleId: 'builtin:ticket-category' },
      destination: {
        kind: 'invoice',
        lines: [{ kind: 'drawdown', label: expect.stringMatching(/^Prepaid SUPPORT-PACK-25/) }],
      },
      recorded: { invoice: { state: 'draft', key: 'tally:v1:4:2026-01' } },
    });
  });

  it.each([
    {
      case: 'time December’s minimum already paid for',
      id: 7,
      expected: { coverage: 'billable', destination: { kind: 'already_billed' } },
    },
    {
      case: 'Maintenance without Patch',
      id: 10,
      expected: {
        coverage: 'review',
        destination: { kind: 'review' },
        problems: [expect.objectContaining({ code: 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH' })],
      },
    },
    {
      case: 'a zero-hour line',
      id: 12,
      expected: {
        coverage: 'review',
        problems: [expect.objectContaining({ code: 'LINE_NON_POSITIVE', blocking: true })],
      },
    },
    {
      case: 'a ticket without customer',
      id: 13,
      expected: {
        coverage: 'review',
        problems: [expect.objectContaining({ code: 'TICKET_WITHOUT_CUSTOMER' })],
        recorded: null,
      },
    },
  ])('explains $case (timesheet $id)', async ({ id, expected }) => {
    expect(onlyLine(await explain(sandbox(), { kind: 'timesheet', id }))).toMatchObject(expected);
  });

  it('explains a ticket period by period with its charge', async () => {
    const explanation = await explain(sandbox(), {
      kind: 'ticket_reference',
      reference: 'HT00004',
    });
    expect(explanation.periods.map((entry) => entry.period)).toEqual(['2026-01', '2026-02']);
    const [january, february] = explanation.periods;
    expect(january?.charge).toMatchObject({
      billable: 15,
      target: 30,
      topUp: 15,
      billedBefore: 0,
      billedNow: 30,
      invoiced: 30,
      amount: 47_500,
    });
    expect(february?.charge).toMatchObject({
      countedBefore: 15,
      countedInPeriod: 60,
      billedBefore: 30,
      billedNow: 45,
    });
    // February was never synced: its line is planned but not on any invoice yet.
    expect(february?.lines[0]).toMatchObject({ recorded: null, inSync: false });
  });

  it('finds a ticket by #id, and narrows it to one period', async () => {
    const byId = await explain(sandbox(), { kind: 'ticket', id: 4 }, '2026-02' as Period);
    expect(byId.ticket.number).toBe('HT00004');
    expect(byId.periods.map((entry) => entry.period)).toEqual(['2026-02']);
    expect(byId.periods[0]?.lines.map((line) => line.date)).toEqual(['2026-02-02']);
  });

  it.each([
    {
      target: { kind: 'timesheet', id: 99_999 },
      code: 'EXPLAIN_NOT_FOUND',
      text: /No timesheet with id 99999/,
    },
    {
      target: { kind: 'ticket', id: 99_999 },
      code: 'EXPLAIN_NOT_FOUND',
      text: /No helpdesk ticket with id 99999/,
    },
    {
      target: { kind: 'ticket_reference', reference: 'HT99999' },
      code: 'EXPLAIN_NOT_FOUND',
      text: /No helpdesk ticket with reference "HT99999"/,
    },
  ] as const)(
    'refuses $target.kind that does not exist ($code)',
    async ({ target, code, text }) => {
      await expect(explain(sandbox(), target)).rejects.toMatchObject({
        code,
        userMessage: expect.stringMatching(text),
      });
    },
  );

  it('refuses a timesheet that is on no ticket, saying why', async () => {
    const [id] = sandbox().store.search('account.analytic.line', [['name', '=', 'Team meeting']]);
    await expect(explain(sandbox(), { kind: 'timesheet', id: id! })).rejects.toMatchObject({
      code: 'EXPLAIN_NOT_TICKET_WORK',
      userMessage: `Timesheet ${id} is no work Tally bills: the line is not logged on a helpdesk ticket (ticket_id).`,
    });
  });

  it('reports every customer as its draft stands', async () => {
    const client = await connectTo(sandbox());
    const config = shippedConfig();
    const data = await readPeriodReportData(client, config, { period: JANUARY });
    await client.close();
    const rows = buildPeriodReport(data, config.settings);
    const drafts = new Map(state.invoices.map((invoice) => [invoice.customer, invoice]));
    expect(rows.map((row) => [row.customer, row.draft.state])).toEqual([
      ['Acme AB', 'draft'],
      ['Nordic Patch AB', 'draft'],
      ['Fjord Maintenance AB', 'draft'],
      ['Plain AB', 'draft'],
      ['Mono AB', 'none'],
      ['(no customer)', 'none'],
    ]);
    for (const row of rows.filter((entry) => entry.draft.state === 'draft')) {
      const lines = drafts.get(row.customerId as number)?.lines ?? [];
      const hoursOf = (kind: string) =>
        lines
          .filter((line) => String(line[0]).includes(`:${kind}:`))
          .reduce((sum, line) => sum + Math.round(Number(line[2]) * 60), 0);
      expect([row.customer, row.covered, row.drawn, row.billed]).toEqual([
        row.customer,
        hoursOf('covered'),
        hoursOf('drawdown'),
        hoursOf('billed') + hoursOf('correction'),
      ]);
    }
    expect(rows.find((row) => row.customer === 'Acme AB')?.packs).toEqual([
      expect.objectContaining({ opening: 1500, drawn: 1350, closing: 150 }),
    ]);
    expect(rows.find((row) => row.customer === 'Mono AB')).toMatchObject({
      review: 60,
      reviewItems: [expect.objectContaining({ timesheetId: 10, ticket: 'HT00007' })],
    });
    expect(rows.find((row) => row.customerId === null)?.reviewItems).toEqual([
      expect.objectContaining({ timesheetId: 13, minutes: 30 }),
    ]);
  });

  it('reports one customer with --customer', async () => {
    const client = await connectTo(sandbox());
    const config = shippedConfig();
    const data = await readPeriodReportData(client, config, { period: JANUARY, customerId: 8 });
    await client.close();
    expect(buildPeriodReport(data, config.settings, { customerId: 8 })).toEqual([
      expect.objectContaining({ customer: 'Plain AB', billed: 30, totalAmount: 47_500 }),
    ]);
  });
});

describe('before tally setup', () => {
  const sandbox = useSandbox({ seed: scenario(), clock: SCENARIO_NOW });

  it('explains with earlier billing assumed, and reports no drafts', async () => {
    const explanation = await explain(sandbox(), { kind: 'timesheet', id: 1 });
    expect(explanation.history).toBe('assumed');
    expect(onlyLine(explanation)).toMatchObject({ recorded: null, inSync: false });

    const client = await connectTo(sandbox());
    const config = shippedConfig();
    const data = await readPeriodReportData(client, config, { period: JANUARY });
    await client.close();
    expect(data.drafts).toEqual([]);
    const states = buildPeriodReport(data, config.settings).map((row) => row.draft.state);
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['none']));
  });
});

describe('Enterprise helpdesk', () => {
  const sandbox = useSandbox({
    seed: scenario('enterprise'),
    clock: SCENARIO_NOW,
    helpdesk: 'enterprise',
  });

  it('finds a ticket by its numeric ticket_ref', async () => {
    const explanation = await explain(sandbox(), { kind: 'ticket_reference', reference: '4' });
    expect(explanation.ticket).toMatchObject({ number: '4', name: 'Printer offline' });
    expect(explanation.periods.map((entry) => entry.period)).toEqual(['2026-01', '2026-02']);
  });
});
