/**
 * Time logged after its month's invoice was posted (issue 13, item 5): October is synced and its
 * invoice posted, then 2 h of `[Data import]` dated 31 October is logged and November synced.
 * The November draft corrects the posted invoice; `tally explain`, `tally report` and the
 * statements must say the same, from the same invoices.
 */
import type { LocalDate, Period } from '../../../src/domain/types';
import { buildExplanation } from '../../../src/report/explain/build-explanation';
import { renderExplanation } from '../../../src/report/explain/render-explanation';
import { buildPeriodReport } from '../../../src/report/period-report/build-period-report';
import { formatPeriodReport } from '../../../src/report/period-report/format-period-report';
import { periodStatements } from '../../../src/report/statement/period-statements';
import type { SandboxSeed } from '../../../src/sandbox/seed';
import { ticketStep, timesheetStep } from '../../../src/sandbox/seed-steps';
import { gatherWorkToExplain, type ExplainTarget } from '../../../src/sync/explain-work';
import { readPeriodReportData } from '../../../src/sync/period-report-data';
import { planForReport } from '../../../src/sync/plan-for-report';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, shippedConfig } from '../sync/connect';

const OCTOBER = '2026-10' as Period;
const NOVEMBER = '2026-11' as Period;
const TODAY = '2026-11-03' as LocalDate;

/** Plain AB (no agreement: everything billed hourly) with two tickets worked in October. */
const seed: SandboxSeed = {
  base: 'demo',
  records: [
    { model: 'res.partner', ref: 'plain', values: { name: 'Plain AB', is_company: true } },
    ticketStep('ticket_plain_import', 'Import the price list', 'plain', 'user_support'),
    ticketStep('ticket_plain_printer', 'Printer offline', 'plain', 'user_support'),
    timesheetStep('ticket_plain_import', 'Explained the import file', 1, '2026-10-14'),
    timesheetStep('ticket_plain_printer', 'Restarted the spooler', 2, '2026-10-20'),
    timesheetStep('ticket_plain_printer', 'Replaced the toner', 1, '2026-11-05'),
  ],
};

describe('time logged after its month’s invoice was posted', () => {
  const sandbox = useSandbox({ seed, clock: () => new Date('2026-11-03T09:00:00Z') });
  const config = shippedConfig();
  let posted: { id: number; name: string; amountUntaxed: number };
  let plainId: number;
  let ticketId: number;
  let lateId: number;

  const withClient = async <T>(
    use: (client: Awaited<ReturnType<typeof connectTo>>) => Promise<T>,
  ) => {
    const client = await connectTo(sandbox());
    try {
      return await use(client);
    } finally {
      await client.close();
    }
  };
  const explain = (target: ExplainTarget, period?: Period) =>
    withClient(async (client) =>
      buildExplanation(
        await gatherWorkToExplain(client, config, target, period ? { period } : {}),
        config.settings,
        config.currencyDecimals,
      ),
    );
  const reportRow = (period: Period) =>
    withClient(async (client) => {
      const rows = buildPeriodReport(
        await readPeriodReportData(client, config, { period }),
        config.settings,
      );
      return { rows, plain: rows.find((row) => row.customer === 'Plain AB') };
    });

  beforeAll(async () => {
    installTallyFields(sandbox());
    const store = sandbox().store;
    await withClient((client) => syncPeriod(client, config, { period: OCTOBER, today: TODAY }));
    [plainId] = store.search('res.partner', [['name', '=', 'Plain AB']]) as [number];
    const [october] = store.search('account.move', [
      ['x_tally_key', '=', `tally:v1:${plainId}:2026-10`],
    ]);
    store.call('account.move', 'action_post', [[october]]);
    const [move] = store.read('account.move', [october as number], ['name', 'amount_untaxed']);
    posted = {
      id: october as number,
      name: String(move?.name),
      amountUntaxed: Number(move?.amount_untaxed),
    };
    [ticketId] = store.search('helpdesk.ticket', [['name', '=', 'Import the price list']]) as [
      number,
    ];
    lateId = store.create('account.analytic.line', {
      name: '[Data import] Loaded the last batch',
      unit_amount: 2,
      date: '2026-10-31',
      project_id: store.ref('project_support'),
      employee_id: store.ref('employee_admin'),
      ticket_id: ticketId,
    }) as number;
    // An incremental run syncs November with every changed ticket (sync-changes.ts).
    await withClient((client) =>
      syncPeriod(client, config, { period: NOVEMBER, today: TODAY, extraTicketIds: [ticketId] }),
    );
  });

  const correctionLabel = () =>
    `Correction: Data import, time logged in earlier periods after they were invoiced (corrects ${posted.name})`;

  it('corrects the posted invoice on the November draft, naming it', () => {
    const november = tallyState(sandbox()).invoices.find(
      (entry) => entry.key === `tally:v1:${plainId}:2026-11`,
    );
    expect(november?.lines).toContainEqual([
      expect.stringMatching(/:correction:data_import$/),
      correctionLabel(),
      2,
      950,
      0,
    ]);
  });

  it('explains the ticket’s 2 h in November as a correction of the posted invoice', async () => {
    const explanation = await explain({ kind: 'ticket', id: ticketId }, NOVEMBER);
    const [period] = explanation.periods;
    expect(period?.charge).toMatchObject({ corrections: 120, invoiced: 0 });
    expect(period?.charge?.note).toBe(
      `2.00 h corrects ${posted.name}: time of an earlier month added after it was invoiced`,
    );
    expect(renderExplanation(explanation).join('\n')).not.toContain('minimum per request');
  });

  it('names the correction on the November statement', async () => {
    const report = await withClient((client) =>
      planForReport(client, config, { period: NOVEMBER, today: TODAY }),
    );
    const statement = periodStatements(
      report.facts,
      report.plan,
      config.settings,
      config.currencyDecimals,
    ).find((entry) => entry.customer.name === 'Plain AB');
    expect(statement?.tickets.find((row) => row.number === 'HT00004')).toMatchObject({
      invoiced: 120,
      amount: 190000,
      adjustmentNote: `2.00 h corrects ${posted.name}: time of an earlier month added after it was invoiced`,
    });
  });

  it('explains the late timesheet as billed by the November correction, never by syncing October', async () => {
    const explanation = await explain({ kind: 'timesheet', id: lateId });
    const [period] = explanation.periods;
    expect(period).toMatchObject({
      period: OCTOBER,
      closed: { name: posted.name, state: 'posted' },
    });
    expect(period?.lines).toEqual([
      expect.objectContaining({
        coverage: 'billable',
        destination: {
          kind: 'correction',
          closed: { name: posted.name, state: 'posted' },
          lines: [
            expect.objectContaining({
              label: correctionLabel(),
              invoice: expect.objectContaining({
                state: 'draft',
                key: expect.stringMatching(/:2026-11$/),
              }),
            }),
          ],
        },
        inSync: true,
      }),
    ]);
    const text = renderExplanation(explanation).join('\n');
    expect(text).toContain(`${posted.name} was posted before this time was logged`);
    expect(text).toContain(`"${correctionLabel()}" on the draft invoice tally:v1:`);
    expect(text).not.toContain('--period 2026-10');
  });

  it('reports October as the posted invoice stands, without the later time', async () => {
    const { plain } = await reportRow(OCTOBER);
    expect(plain).toMatchObject({
      draft: { state: 'posted', invoice: posted.name },
      logged: 180,
      billed: 180,
      totalAmount: Math.round(posted.amountUntaxed * 100),
      corrections: { minutes: 0, amount: 0, corrects: [] },
    });
  });

  it('reports the correction once, in November, as a correction', async () => {
    const { rows, plain } = await reportRow(NOVEMBER);
    expect(plain).toMatchObject({
      logged: 60,
      billed: 180,
      billedAmount: 285000,
      corrections: { minutes: 120, amount: 190000, corrects: [posted.name] },
    });
    const table = formatPeriodReport(NOVEMBER, rows, 'table', config.currencyDecimals);
    expect(table).toContain(
      `Corrections of earlier invoices, included in Billed\n  Plain AB: 2.00 h, 1900.00, corrects ${posted.name}`,
    );
    const october = await reportRow(OCTOBER);
    // Every hour Plain AB logged (1 + 2 h, the late 2 h, 1 h in November) is billed once.
    expect((october.plain?.billed ?? 0) + (plain?.billed ?? 0)).toBe((1 + 2 + 2 + 1) * 60);
  });
});
