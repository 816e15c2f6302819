/** The demo's closing table: headed columns, time and fees apart, held time in hours. */
import {
  companyId,
  currencyCode,
  customerId,
  minutes,
  ticketId,
  period,
} from '../../../src/domain';
import { demoSummaryLines, heldText } from '../../../src/cli/demo-summary';
import { buildPeriodReport } from '../../../src/report/period-report/build-period-report';
import { CUSTOMER, aLine, aTicket, agreementsFor, defaultSettings } from '../domain/builders';
import { reportPlanOf } from '../report/report-builders';

const FJORD = { id: customerId(46), name: 'Fjord AB', companyId: companyId(1), currency: null };

/**
 * Acme (Patch): 2 h patching covered, 1.5 h bug fixing billed, 45 min unclassified held on two
 * lines. Fjord (no agreement): 10 min of user support raised to the minimum.
 */
const rows = buildPeriodReport(
  {
    report: reportPlanOf({
      customers: [CUSTOMER, FJORD],
      tickets: [
        aTicket({ id: ticketId(7), categoryName: 'Patching' }),
        aTicket({ id: ticketId(8), categoryName: 'Bug fix' }),
        aTicket({ id: ticketId(9), categoryName: null }),
        aTicket({ id: ticketId(10), categoryName: 'User support', customerId: FJORD.id }),
      ],
      lines: [
        aLine({ id: 1, ticketId: 7, minutes: 120 }),
        aLine({ id: 2, ticketId: 8, minutes: 90 }),
        aLine({ id: 3, ticketId: 9, minutes: 30 }),
        aLine({ id: 4, ticketId: 9, minutes: 15, date: '2025-11-11' }),
        aLine({ id: 5, ticketId: 10, minutes: 10 }),
      ],
      agreements: agreementsFor('patch'),
    }),
    drafts: [],
  },
  defaultSettings,
);
const lines = demoSummaryLines(period('2025-11'), rows, currencyCode('SEK'), 2);
const acme = rows[0];
const table = lines.filter((line) => line.startsWith('  '));
/** A table line's cells: columns are two or more spaces apart. */
const cellsOf = (line: string | undefined) => (line ?? '').trim().split(/ {2,}/);

describe('demoSummaryLines', () => {
  it('finds the rows it formats: Acme with a fee and held time, Fjord without', () => {
    expect(rows.map((row) => row.customer)).toEqual(['Acme AB', 'Fjord AB']);
    expect(acme?.feeAmount).toBeGreaterThan(0);
  });

  it('names the currency and says that Total is time plus the monthly fees', () => {
    expect(lines[0]).toBe(
      '2025-11 per customer, as the drafts stand (hours; amounts in SEK excluding VAT):',
    );
    expect(lines.join(' ')).toMatch(/Total = Time \+ Fees/);
    expect(lines.join(' ')).toContain("Fees: the agreements' monthly fees");
  });

  it('heads its columns and aligns every line on them', () => {
    expect(cellsOf(table[0])).toEqual([
      'Customer',
      'Covered h',
      'Prepaid h',
      'Billed h',
      'Time',
      'Fees',
      'Total',
      'Held for review',
    ]);
    // Right-aligned numbers: every line's Total column ends where the header's does.
    const totalEnd = (table[0] ?? '').indexOf('Total') + 'Total'.length;
    for (const line of table.filter((row) => /\d/.test(row)))
      expect(line.slice(0, totalEnd)).toMatch(/\d\.\d\d$/);
  });

  it('splits each draft into time and fees, and counts held time in hours', () => {
    const money = (amount: number) => (amount / 100).toFixed(2);
    const row = cellsOf(table.find((line) => line.includes('Acme AB')));
    expect(row).toEqual([
      'Acme AB',
      '2.00',
      '0.00',
      '1.50',
      money((acme?.totalAmount ?? 0) - (acme?.feeAmount ?? 0)),
      money(acme?.feeAmount ?? 0),
      money(acme?.totalAmount ?? 0),
      '0.75 h on 2 lines',
    ]);
    expect(cellsOf(table.find((line) => line.includes('Fjord AB')))).toEqual([
      'Fjord AB',
      '0.00',
      '0.00',
      '0.50',
      '500.00',
      '0.00',
      '500.00',
    ]);
  });

  it('ends with the sums of all customers', () => {
    const total = cellsOf(table.find((line) => line.includes('All customers')));
    expect(total.slice(0, 4)).toEqual(['All customers', '2.00', '0.00', '2.00']);
    expect(total.at(-1)).toBe('0.75 h on 2 lines');
  });

  it.each([
    [0, 0, ''],
    [0, 1, '0.00 h on 1 line'],
    [150, 3, '2.50 h on 3 lines'],
  ])('heldText(%d min, %d lines) → %s', (time, count, expected) => {
    expect(heldText(minutes(time), count)).toBe(expected);
  });
});
