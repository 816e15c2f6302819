import { minutes, parseLineKey, planInvoice, ticketId } from '../../../src/domain';
import {
  aLine,
  aPack,
  aPlanInput,
  aTicket,
  agreementsFor,
  anAgreement,
  defaultSettings,
  settingsWith,
} from './builders';

const tickets = [
  aTicket({ id: ticketId(7), number: 'HT00007', name: 'Report wrong', categoryName: 'Bug fix' }),
  aTicket({
    id: ticketId(3),
    number: 'HT00003',
    name: 'Import prices',
    categoryName: 'Data import',
  }),
];

describe('invoice plan', () => {
  const input = aPlanInput({
    tickets,
    agreements: [anAgreement('patch', '2025-01-01'), anAgreement('maintenance', '2025-01-01')],
    lines: [
      aLine({ id: 11, ticketId: 7, minutes: 90, date: '2025-11-03' }),
      aLine({
        id: 12,
        ticketId: 7,
        minutes: 30,
        date: '2025-11-04',
        description: '[Training] user',
      }),
      aLine({ id: 13, ticketId: 3, minutes: 45, date: '2025-11-05' }),
      aLine({ id: 14, ticketId: 3, minutes: 15, date: '2025-11-06' }),
    ],
  });
  const plan = planInvoice(input, defaultSettings);

  it('has one section per ticket, ordered by ticket number', () => {
    expect(plan.sections.map((section) => section.title)).toEqual([
      'HT00003 - Import prices',
      'HT00007 - Report wrong',
    ]);
  });

  it('shows covered hours at 100 % discount with the reason, and prices billed hours', () => {
    const lines = plan.sections[1]?.lines ?? [];
    expect(
      lines.map((line) => [line.kind, line.label, line.minutes, line.discountPercent, line.amount]),
    ).toEqual([
      ['covered', 'Bug fix: covered by Maintenance and Support Agreement', 90, 100, 0],
      ['billed', 'Training: billed hourly', 30, 0, 50000],
    ]);
    expect(lines[0]?.unitPrice).toBe(100000);
    expect(lines[0]?.timesheetIds).toEqual(['11']);
  });

  it('groups billed lines per category and carries their timesheet ids', () => {
    expect(plan.sections[0]?.lines).toEqual([
      expect.objectContaining({
        kind: 'billed',
        minutes: 60,
        amount: 100000,
        timesheetIds: ['13', '14'],
      }),
    ]);
  });

  it('adds the monthly fee lines', () => {
    expect(plan.feeLines).toEqual([
      expect.objectContaining({
        kind: 'fee',
        label: 'Patch Agreement, monthly fee 2025-11',
        amount: 49500,
        key: 'tally:v1:45:2025-11:-:fee:patch',
      }),
    ]);
  });

  it('gives every line a stable key built from its inputs', () => {
    const keys = plan.sections.flatMap((section) => [
      section.key,
      ...section.lines.map((line) => line.key),
    ]);
    expect(keys).toEqual([
      'tally:v1:45:2025-11:3:section:section',
      'tally:v1:45:2025-11:3:billed:data_import',
      'tally:v1:45:2025-11:7:section:section',
      'tally:v1:45:2025-11:7:covered:bug_fix.maintenance',
      'tally:v1:45:2025-11:7:billed:training',
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parseLineKey(keys[1]!)).toEqual({
      customerId: '45',
      period: '2025-11',
      ticketId: '3',
      kind: 'billed',
      discriminator: 'data_import',
    });
  });

  it('totals the period', () => {
    expect(plan.totals).toEqual({
      logged: 180,
      covered: 90,
      billable: 90,
      review: 0,
      drawn: 0,
      invoiced: 90,
      adjustment: 0,
      amount: 150000 + 49500,
    });
  });

  it('uses the category rate when one is configured', () => {
    const settings = settingsWith({
      categories: defaultSettings.categories.map((category) =>
        category.key === 'training' ? { ...category, hourlyRate: 150000 as never } : category,
      ),
    });
    const priced = planInvoice(input, settings);
    expect(priced.sections[1]?.lines[1]).toMatchObject({ unitPrice: 150000, amount: 75000 });
  });

  it('lists review items separately, never on the invoice', () => {
    const withReview = planInvoice(
      aPlanInput({
        tickets: [aTicket({ categoryName: null })],
        lines: [aLine({ id: 21, minutes: 60 })],
      }),
      defaultSettings,
    );
    expect(withReview.sections).toEqual([]);
    expect(withReview.reviewItems).toEqual([
      expect.objectContaining({
        lineId: '21',
        minutes: 60,
        problems: [expect.objectContaining({ code: 'UNCLASSIFIED' })],
      }),
    ]);
    expect(withReview.totals).toMatchObject({ logged: 60, review: 60, invoiced: 0 });
  });

  it('labels the minimum top-up on the billed line', () => {
    const short = planInvoice(aPlanInput({ lines: [aLine({ minutes: 10 })] }), defaultSettings);
    expect(short.sections[0]?.lines[0]?.label).toBe(
      'Bug fix: billed hourly (includes 0.33 h per-request minimum or rounding)',
    );
    expect(short.sections[0]?.lines[0]).toMatchObject({ minutes: 30, amount: 50000 });
  });

  it('rounds money half-up to the minor unit', () => {
    const odd = planInvoice(
      aPlanInput({ lines: [aLine({ minutes: 31 })], defaultHourlyRate: 99999 as never }),
      defaultSettings,
    );
    // 99 999 × 31 / 60 = 51 666.15 → 51 666
    expect(odd.sections[0]?.lines[0]?.amount).toBe(51666);
  });

  it('reports a ticket crossing its authorisation cap', () => {
    const settings = settingsWith({ billing: { authorisationCap: minutes(120) } });
    const capped = planInvoice(
      aPlanInput({
        lines: [aLine({ id: 1, date: '2025-10-01', minutes: 100 }), aLine({ id: 2, minutes: 60 })],
        history: [{ ticketId: ticketId(7), billedBefore: minutes(100) }],
      }),
      settings,
    );
    expect(capped.events).toEqual([
      {
        kind: 'authorisation_cap_exceeded',
        customerId: '45',
        ticketId: '7',
        capMinutes: 120,
        billedMinutes: 160,
      },
    ]);
  });

  it('shows drawdowns with the hours left', () => {
    const withPack = planInvoice(
      aPlanInput({
        agreements: agreementsFor('on_demand'),
        packs: [aPack(9, 25, '2025-01-01')],
        lines: [aLine({ minutes: 90 })],
      }),
      defaultSettings,
    );
    expect(withPack.sections[0]?.lines).toEqual([
      expect.objectContaining({
        kind: 'drawdown',
        label: 'Prepaid SUPPORT-PACK (S00009): 1.50 h drawn, 23.50 h left',
        unitPrice: 0,
        amount: 0,
        key: 'tally:v1:45:2025-11:7:drawdown:9',
      }),
    ]);
  });
});
