import {
  companyId,
  customerId,
  minutes,
  planInvoice,
  ticketId,
  type Period,
} from '../../../../src/domain';
import { buildPeriodReport } from '../../../../src/report/period-report/build-period-report';
import { formatPeriodReport } from '../../../../src/report/period-report/format-period-report';
import type { CustomerReport } from '../../../../src/report/period-report/period-report';
import { withCorrectionOrigins } from '../../../../src/sync/correction-origins';
import type { PeriodDraft } from '../../../../src/sync/period-report-data';
import {
  CUSTOMER,
  aLine,
  aPack,
  aPlanInput,
  aTicket,
  agreementsFor,
  defaultSettings,
  settingsWith,
} from '../../domain/builders';
import { billedInOctober, reportPlanOf } from '../report-builders';

const NOVEMBER = '2025-11' as Period;
const FJORD = {
  id: customerId(46),
  name: 'Fjord, "North" AB',
  companyId: companyId(1),
  currency: null,
};

/**
 * Acme (Patch, a 5 h pack): 2 h patching covered, 10 min of user support raised to the minimum
 * and drawn from the pack, a zero-hour line held. Fjord (no agreement): 45 min of bug fixing
 * billed. A ticket without customer: 30 min held.
 */
function november() {
  return reportPlanOf({
    customers: [CUSTOMER, FJORD],
    tickets: [
      aTicket({ id: ticketId(7), number: 'HT00007', categoryName: 'Patching' }),
      aTicket({ id: ticketId(8), number: 'HT00008', categoryName: 'User support' }),
      aTicket({ id: ticketId(9), number: 'HT00009', categoryName: 'User support' }),
      aTicket({
        id: ticketId(10),
        number: 'HT00010',
        categoryName: 'Bug fix',
        customerId: FJORD.id,
      }),
      aTicket({
        id: ticketId(11),
        number: 'HT00011',
        categoryName: 'User support',
        customerId: null,
      }),
    ],
    lines: [
      aLine({ id: 1, ticketId: 7, minutes: 120 }),
      aLine({ id: 2, ticketId: 8, minutes: 10 }),
      aLine({ id: 3, ticketId: 9, minutes: 0 }),
      aLine({ id: 4, ticketId: 10, minutes: 45 }),
      aLine({ id: 5, ticketId: 11, minutes: 30 }),
    ],
    agreements: agreementsFor('patch'),
    packs: [aPack(1, 5, '2025-01-01')],
  });
}

const DRAFTS: PeriodDraft[] = [{ customerId: '45', name: 'INV/2025/00007', state: 'posted' }];

function rows(options: { customerId?: number } = {}): CustomerReport[] {
  return buildPeriodReport({ report: november(), drafts: DRAFTS }, defaultSettings, options);
}

describe('the period report model', () => {
  it('has a row per customer with something to show, then the time without customer', () => {
    expect(rows().map((row) => [row.customerId, row.customer])).toEqual([
      [45, 'Acme AB'],
      [46, 'Fjord, "North" AB'],
      [null, '(no customer)'],
    ]);
  });

  it.each([
    {
      customer: 'Acme AB',
      row: {
        logged: 130,
        covered: 120,
        drawn: 30,
        billed: 0,
        review: 0,
        coveredValue: 200_000,
        billedAmount: 0,
        feeAmount: 49_500,
        totalAmount: 49_500,
        draft: { state: 'posted', invoice: 'INV/2025/00007' },
      },
    },
    {
      customer: 'Fjord, "North" AB',
      row: {
        logged: 45,
        covered: 0,
        drawn: 0,
        billed: 45,
        coveredValue: 0,
        billedAmount: 75_000,
        feeAmount: 0,
        totalAmount: 75_000,
        packs: [],
        draft: { state: 'none', invoice: null },
      },
    },
    {
      customer: '(no customer)',
      row: { logged: 30, review: 30, billed: 0, totalAmount: 0 },
    },
  ])('$customer: hours, amounts and the draft', ({ customer, row }) => {
    expect(rows().find((entry) => entry.customer === customer)).toMatchObject(row);
  });

  it('keeps held lines in the totals and lists each with its reason', () => {
    const acme = rows().find((row) => row.customerId === 45);
    expect(acme?.reviewItems).toEqual([
      {
        timesheetId: 3,
        ticket: 'HT00009',
        date: '2025-11-10',
        minutes: 0,
        reason: 'Held for review: Timesheet 3 has 0.00 h; log a positive duration or delete it.',
      },
    ]);
    expect(rows().find((row) => row.customerId === null)?.reviewItems).toEqual([
      expect.objectContaining({ timesheetId: 5, ticket: 'HT00011', minutes: 30 }),
    ]);
  });

  it('gives pack balances: opening, drawn, closing', () => {
    expect(rows().find((row) => row.customerId === 45)?.packs).toEqual([
      { name: 'SUPPORT-PACK (S00001)', opening: 300, drawn: 30, closing: 270, expiresOn: null },
    ]);
  });

  it('--customer leaves out the time without customer', () => {
    expect(rows({ customerId: 46 }).map((row) => row.customer)).not.toContain('(no customer)');
  });
});

/** A small RFC 4180 reader, to prove the writer's output reads back to the same fields. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return records;
}

describe('the period report formats', () => {
  const report = rows();

  it('csv: a header and a record per row, quoted where needed, CRLF line ends', () => {
    const text = formatPeriodReport(NOVEMBER, report, 'csv', 2);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('"Fjord, ""North"" AB"');
    const [header, ...records] = readCsv(text);
    expect(records).toHaveLength(report.length);
    const byName = (name: string) =>
      Object.fromEntries(
        (header ?? []).map((column, index) => [
          column,
          records.find((record) => record[2] === name)?.[index],
        ]),
      );
    expect(byName('Fjord, "North" AB')).toMatchObject({
      customer_id: '46',
      billed_h: '0.75',
      billed_amount: '750.00',
      draft_state: 'none',
      invoice: '',
    });
    expect(byName('Acme AB')).toMatchObject({
      logged_h: '2.17',
      covered_value: '2000.00',
      fee_amount: '495.00',
      packs: 'SUPPORT-PACK (S00001)',
      pack_closing_h: '4.50',
      review_items: '1',
      draft_state: 'posted',
      invoice: 'INV/2025/00007',
    });
    expect(byName('(no customer)')).toMatchObject({ customer_id: '', review_h: '0.50' });
  });

  it('json: an array of objects with the review list', () => {
    const parsed = JSON.parse(formatPeriodReport(NOVEMBER, report, 'json', 2)) as unknown[];
    expect(parsed).toHaveLength(report.length);
    expect(parsed[0]).toEqual({
      period: '2025-11',
      customerId: 45,
      customer: 'Acme AB',
      currency: 'SEK',
      hours: { logged: 2.17, covered: 2, drawn: 0.5, billed: 0, review: 0 },
      amounts: { coveredValue: '2000.00', billed: '0.00', fees: '495.00', total: '495.00' },
      corrections: { hours: 0, amount: '0.00', corrects: [] },
      packs: [
        { name: 'SUPPORT-PACK (S00001)', opening: 5, drawn: 0.5, closing: 4.5, expiresOn: null },
      ],
      review: {
        count: 1,
        items: [
          {
            timesheetId: 3,
            ticket: 'HT00009',
            date: '2025-11-10',
            hours: 0,
            reason:
              'Held for review: Timesheet 3 has 0.00 h; log a positive duration or delete it.',
          },
        ],
      },
      unknownPrefixes: [],
      draft: { state: 'posted', invoice: 'INV/2025/00007' },
    });
  });

  it('table: columns line up, with a total row and the packs', () => {
    const lines = formatPeriodReport(NOVEMBER, report, 'table', 2).trimEnd().split('\n');
    expect(lines[0]).toBe('Tally report 2025-11: amounts in SEK, excluding VAT');
    const header = lines[2] ?? '';
    const totalEnd = header.indexOf('Total') + 'Total'.length;
    const body = lines.slice(4, 4 + report.length);
    expect(body.map((line) => line.slice(0, totalEnd).trimEnd().length)).toEqual(
      body.map(() => totalEnd),
    );
    const total = lines.find((line) => line.startsWith('Total')) ?? '';
    expect(total.slice(0, totalEnd).trimEnd().endsWith('1245.00')).toBe(true);
    expect(lines).toContain('Prepaid packs');
    expect(
      lines.some((line) =>
        /^Acme AB +SUPPORT-PACK \(S00001\) +5\.00 +0\.50 +4\.50 +never$/.test(line),
      ),
    ).toBe(true);
    expect(body.find((line) => line.startsWith('Acme AB'))).toMatch(/posted INV\/2025\/00007$/);
  });

  it('table: says so when there is nothing to report', () => {
    expect(formatPeriodReport(NOVEMBER, [], 'table', 2)).toBe(
      'No customer has work, fees, prepaid hours or a Tally invoice in 2025-11.\n',
    );
    expect(formatPeriodReport(NOVEMBER, [], 'json', 2)).toBe('[]\n');
  });
});

describe('lines starting with a [prefix] that is not a category', () => {
  const report = (settings = defaultSettings) =>
    buildPeriodReport(
      {
        report: reportPlanOf(
          {
            tickets: [aTicket({ number: 'HT00007', categoryName: 'User support' })],
            lines: [aLine({ id: 12, description: '[Bugfix] login fails', minutes: 90 })],
          },
          settings,
        ),
        drafts: [],
      },
      settings,
    );
  const held = {
    period: '2025-11',
    timesheetId: 12,
    ticket: 'HT00007',
    date: '2025-11-10',
    prefix: 'Bugfix',
    suggestion: 'Bug fix',
    held: true,
    problem: '[Bugfix] is not a category: did you mean "Bug fix"?',
  };

  it('table: listed under the table, one sentence each, with the label meant', () => {
    const lines = formatPeriodReport(NOVEMBER, report(), 'table', 2).split('\n');
    const heading = lines.indexOf('Lines starting with a [prefix] that is not a category');
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toBe(
      '  Acme AB: timesheet 12 (HT00007, 2025-11-10) held for review: [Bugfix] is not a category: did you mean "Bug fix"?',
    );
  });

  it('json: held, with the sentence as the review reason too', () => {
    const [row] = JSON.parse(formatPeriodReport(NOVEMBER, report(), 'json', 2)) as {
      unknownPrefixes: unknown[];
      review: { items: { reason: string }[] };
    }[];
    expect(row?.unknownPrefixes).toEqual([held]);
    expect(row?.review.items.map((item) => item.reason)).toEqual([
      'Held for review: Timesheet 12 starts with [Bugfix], which is not a category: did you mean "Bug fix"?',
    ]);
  });

  it('with linePrefixes.unknown: ticket, billed by the ticket and still listed', () => {
    const [row] = report(settingsWith({ linePrefixes: { unknown: 'ticket', ignore: [] } }));
    expect(row?.unknownPrefixes).toEqual([{ ...held, held: false }]);
    expect(row?.reviewItems).toEqual([]);
    expect(row?.billed).toBe(90);
    expect(formatPeriodReport(NOVEMBER, [row!], 'table', 2)).toContain(
      '  Acme AB: timesheet 12 (HT00007, 2025-11-10) classified by its ticket: [Bugfix] is not a category: did you mean "Bug fix"?',
    );
  });
});

describe('corrections of earlier invoices', () => {
  // HT00007's hour of 20 October was logged after October's invoice billed its first 30 minutes.
  const input = aPlanInput({
    tickets: [aTicket({ number: 'HT00007', categoryName: 'User support' })],
    lines: [
      aLine({ id: 1, minutes: 30, date: '2025-10-05' }),
      aLine({ id: 2, minutes: 60, date: '2025-10-20' }),
    ],
    history: [{ ticketId: ticketId(7), billedBefore: minutes(30) }],
  });
  const plan = withCorrectionOrigins(planInvoice(input, defaultSettings), [
    billedInOctober('INV/2025/00042', 30),
  ]);
  const base = reportPlanOf({ tickets: input.tickets });
  const report = buildPeriodReport(
    {
      report: { ...base, plan: { ...base.plan, plans: [{ customer: CUSTOMER, plan }] } },
      drafts: [],
    },
    defaultSettings,
  );

  it('counts them in Billed and names the invoices they correct, in every format', () => {
    expect(report).toEqual([
      expect.objectContaining({
        billed: 60,
        billedAmount: 100_000,
        corrections: { minutes: 60, amount: 100_000, corrects: ['INV/2025/00042'] },
      }),
    ]);
    const table = formatPeriodReport(NOVEMBER, report, 'table', 2).split('\n');
    const heading = table.indexOf('Corrections of earlier invoices, included in Billed');
    expect(table[heading + 1]).toBe('  Acme AB: 1.00 h, 1000.00, corrects INV/2025/00042');
    const [header, record] = readCsv(formatPeriodReport(NOVEMBER, report, 'csv', 2));
    expect(header?.slice(-3)).toEqual(['correction_h', 'correction_amount', 'corrects']);
    expect(record?.slice(-3)).toEqual(['1.00', '1000.00', 'INV/2025/00042']);
    const [json] = JSON.parse(formatPeriodReport(NOVEMBER, report, 'json', 2)) as {
      corrections: unknown;
    }[];
    expect(json?.corrections).toEqual({
      hours: 1,
      amount: '1000.00',
      corrects: ['INV/2025/00042'],
    });
  });

  it('the table has no corrections section without any', () => {
    expect(formatPeriodReport(NOVEMBER, rows(), 'table', 2)).not.toContain('Corrections');
  });
});
