/** The statement model, built from real plans of small inputs: one row per term it reports. */
import type { EngineSettings, PlanInput } from '../../../../src/domain';
import { minutes, planInvoice, ticketId } from '../../../../src/domain';
import { buildStatement } from '../../../../src/report/statement/build-statement';
import type { StatementTicket } from '../../../../src/report/statement/statement';
import { withCorrectionOrigins } from '../../../../src/sync/correction-origins';
import {
  aLine,
  anAgreement,
  agreementsFor,
  aPack,
  aPlanInput,
  aTicket,
  defaultSettings,
  settingsWith,
} from '../../domain/builders';
import { billedInOctober } from '../report-builders';
import { statementOf } from './statement-builders';

const ticket = (category: string | null, id = 7) =>
  aTicket({ id: ticketId(id), number: `HT0000${id}`, categoryName: category });

interface RowCase {
  readonly name: string;
  readonly input: Partial<PlanInput>;
  readonly settings?: EngineSettings;
  readonly row: Partial<Record<keyof StatementTicket, unknown>>;
}

const ROWS: readonly RowCase[] = [
  {
    name: 'covered work shows its reason and costs nothing',
    input: {
      tickets: [ticket('Patching')],
      lines: [aLine({ minutes: 120 })],
      agreements: agreementsFor('patch'),
    },
    row: {
      logged: 120,
      covered: 120,
      drawn: 0,
      invoiced: 0,
      adjustment: 0,
      adjustmentNote: null,
      reasons: ['Patching: covered by Patch Agreement'],
      amount: 0,
    },
  },
  {
    name: 'a short request is raised to the 30-minute minimum',
    input: { tickets: [ticket('User support')], lines: [aLine({ minutes: 10 })] },
    row: {
      logged: 10,
      billable: 10,
      invoiced: 30,
      adjustment: 20,
      adjustmentNote: '0.33 h added: the 30-minute minimum per request',
      reasons: ['User support: not covered by On Demand, billed hourly'],
      amount: 50_000,
    },
  },
  {
    name: 'work paid from a pack is charged at no extra cost',
    input: {
      tickets: [ticket('Bug fix')],
      lines: [aLine({ minutes: 90 })],
      packs: [aPack(3, 25, '2025-10-01')],
    },
    row: { billable: 90, drawn: 90, invoiced: 0, adjustment: 0, amount: 0 },
  },
  {
    name: 'held work is counted but has no charge and no reason line',
    input: { tickets: [ticket(null)], lines: [aLine({ minutes: 60 })] },
    row: { logged: 60, review: 60, billable: 0, invoiced: 0, reasons: [], amount: 0 },
  },
  {
    name: 'a minimum paid in an earlier month makes this month cheaper',
    input: {
      tickets: [ticket('User support')],
      lines: [aLine({ id: 1, minutes: 10, date: '2025-10-20' }), aLine({ id: 2, minutes: 15 })],
      history: [{ ticketId: ticketId(7), billedBefore: minutes(30) }],
    },
    row: {
      logged: 15,
      billable: 15,
      invoiced: 0,
      adjustment: -15,
      adjustmentNote: '0.25 h less: already charged in an earlier month (minimum per request)',
    },
  },
  {
    name: 'rounding is named when the config rounds',
    input: { tickets: [ticket('User support')], lines: [aLine({ minutes: 20 })] },
    settings: settingsWith({
      billing: {
        minimumPerRequest: minutes(0),
        rounding: { increment: minutes(15), scope: 'line', mode: 'up' },
      },
    }),
    row: {
      invoiced: 30,
      adjustment: 10,
      adjustmentNote: '0.17 h added: rounding up to 15 minutes',
      amount: 50_000,
    },
  },
];

describe('buildStatement: ticket rows', () => {
  it.each(ROWS)('$name', ({ input, settings, row }) => {
    const statement = statementOf(input, settings);
    expect(statement.tickets).toHaveLength(1);
    expect(statement.tickets[0]).toMatchObject(row);
  });

  it('orders tickets by number and sums them to the plan totals', () => {
    const statement = statementOf({
      tickets: [ticket('Bug fix', 9), ticket('Patching', 8)],
      lines: [
        aLine({ id: 1, ticketId: 9, minutes: 45 }),
        aLine({ id: 2, ticketId: 8, minutes: 60 }),
      ],
      agreements: agreementsFor('patch'),
    });
    expect(statement.tickets.map((row) => row.number)).toEqual(['HT00008', 'HT00009']);
    const sum = (pick: (row: StatementTicket) => number) =>
      statement.tickets.reduce((total, row) => total + pick(row), 0);
    expect(sum((row) => row.logged)).toBe(statement.totals.logged);
    expect(sum((row) => row.covered)).toBe(statement.totals.covered);
    expect(sum((row) => row.invoiced)).toBe(statement.totals.invoiced);
    expect(sum((row) => row.amount)).toBe(statement.totals.timeAmount);
  });
});

describe('buildStatement: corrections of earlier invoices', () => {
  const ledger = [billedInOctober('INV/2025/00042', 30)];
  const october = aLine({ id: 1, minutes: 30, date: '2025-10-05' });
  const lateInOctober = aLine({ id: 2, minutes: 60, date: '2025-10-20' });

  it.each([
    {
      name: 'time logged in October after it was invoiced',
      lines: [october, lateInOctober],
      billedBefore: 30,
      note: '1.00 h corrects INV/2025/00042: time of an earlier month added after it was invoiced',
    },
    {
      name: 'October’s time reduced after it was invoiced',
      lines: [aLine({ id: 1, minutes: 60, date: '2025-10-05' })],
      billedBefore: 90,
      note: '0.50 h credited, correcting INV/2025/00042: time billed in an earlier month was reduced',
    },
    {
      name: 'a correction beside November’s own rounding',
      lines: [october, lateInOctober, aLine({ id: 3, minutes: 10 })],
      billedBefore: 30,
      settings: settingsWith({
        billing: {
          minimumPerRequest: minutes(0),
          rounding: { increment: minutes(15), scope: 'line', mode: 'up' },
        },
      }),
      note:
        '1.00 h corrects INV/2025/00042: time of an earlier month added after it was invoiced; ' +
        '0.08 h added: rounding up to 15 minutes',
    },
  ])(
    'names the invoice a correction corrects: $name',
    ({ lines, billedBefore, settings, note }) => {
      const engine = settings ?? defaultSettings;
      const input = aPlanInput({
        tickets: [ticket('User support')],
        lines,
        history: [{ ticketId: ticketId(7), billedBefore: minutes(billedBefore) }],
      });
      const statement = buildStatement({
        company: input.company,
        customer: input.customer,
        plan: withCorrectionOrigins(planInvoice(input, engine), ledger),
        tickets: input.tickets,
        packs: input.packs,
        settings: engine,
        currencyDecimals: 2,
      });
      expect(statement.tickets.map((row) => row.adjustmentNote)).toEqual([note]);
    },
  );
});

describe('buildStatement: the page as a whole', () => {
  it('splits coverage four ways, fees from time, and names the file after the customer', () => {
    const statement = statementOf({
      tickets: [ticket('Patching', 1), ticket('Data import', 2), ticket(null, 3)],
      lines: [
        aLine({ id: 1, ticketId: 1, minutes: 60 }),
        aLine({ id: 2, ticketId: 2, minutes: 90 }),
        aLine({ id: 3, ticketId: 3, minutes: 30 }),
      ],
      agreements: agreementsFor('patch'),
    });
    expect(statement.fileName).toBe('acme-ab-45.html');
    expect(statement.coverage.map((slice) => [slice.kind, slice.minutes])).toEqual([
      ['covered', 60],
      ['prepaid', 0],
      ['invoiced', 90],
      ['review', 30],
    ]);
    expect(statement.fees).toEqual([
      { label: 'Patch Agreement, monthly fee 2025-11', amount: 49_500 },
    ]);
    expect(statement.totals).toMatchObject({
      timeAmount: 150_000,
      feeAmount: 49_500,
      amount: 199_500,
    });
    expect(statement.review).toEqual([
      {
        ticketNumber: 'HT00003',
        ticketName: 'Something broke',
        from: '2025-11-10',
        to: '2025-11-10',
        lines: 1,
        minutes: 30,
        reason: 'The kind of work is not recorded yet; we will classify it.',
      },
    ]);
    expect(statement.currency).toEqual({ code: 'SEK', decimals: 2 });
  });

  it('groups held lines per ticket and reason, and says a configuration problem once', () => {
    const statement = statementOf({
      tickets: [ticket('Bug fix')],
      lines: [
        aLine({ id: 1, minutes: 30, date: '2025-11-03' }),
        aLine({ id: 2, minutes: 45, date: '2025-11-12' }),
      ],
      agreements: [anAgreement('maintenance')],
    });
    expect(statement.review).toEqual([
      expect.objectContaining({
        from: '2025-11-03',
        to: '2025-11-12',
        lines: 2,
        minutes: 75,
        reason:
          'Maintenance and Support Agreement requires Patch Agreement, which was not active; we will check your agreements.',
      }),
    ]);
    expect(statement.notices).toEqual([
      'Maintenance and Support Agreement requires Patch Agreement, which was not active; we will check your agreements.',
    ]);
  });

  it('tells the customer when the prepaid balance falls below the threshold', () => {
    const statement = statementOf({
      tickets: [ticket('Bug fix')],
      lines: [aLine({ minutes: 120 })],
      packs: [aPack(3, 6, '2025-10-01')],
    });
    expect(statement.notices).toEqual([
      'Your prepaid balance fell below 5.00 h this month: 4.00 h left at its end.',
    ]);
  });
});
