import {
  formatHours,
  formatMinorUnits,
  minorUnits,
  minutes,
  type MinorUnits,
  type Minutes,
  type Period,
} from '../../domain';
import { formatUnknownPrefixLine } from '../../sync/unknown-prefixes';
import { toCsv } from './csv';
import type { CustomerReport } from './period-report';
import { alignTable, type TableColumn } from './text-table';

export const REPORT_FORMATS = ['table', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const hours = (time: Minutes) => formatHours(time);
const hoursNumber = (time: Minutes) => Number(formatHours(time));

function draftText(row: CustomerReport): string {
  return row.draft.invoice === null ? row.draft.state : `${row.draft.state} ${row.draft.invoice}`;
}

/** Hours, held lines and amounts: the cells the table and the CSV share, in this order. */
function figureCells(row: CustomerReport, decimals: number): string[] {
  const money = (amount: MinorUnits) => formatMinorUnits(amount, decimals);
  return [
    hours(row.logged),
    hours(row.covered),
    hours(row.drawn),
    hours(row.billed),
    hours(row.review),
    String(row.reviewItems.length),
    money(row.coveredValue),
    money(row.billedAmount),
    money(row.feeAmount),
    money(row.totalAmount),
  ];
}

const packTotal = (row: CustomerReport, field: 'opening' | 'drawn' | 'closing') =>
  minutes(row.packs.reduce((total, pack) => total + pack[field], 0));

const TABLE_COLUMNS: readonly TableColumn[] = [
  { header: 'Customer', align: 'left' },
  { header: 'ID', align: 'right' },
  { header: 'Logged h', align: 'right' },
  { header: 'Covered h', align: 'right' },
  { header: 'Drawn h', align: 'right' },
  { header: 'Billed h', align: 'right' },
  { header: 'Held h', align: 'right' },
  { header: 'Held lines', align: 'right' },
  { header: 'Covered value', align: 'right' },
  { header: 'Billed', align: 'right' },
  { header: 'Fees', align: 'right' },
  { header: 'Total', align: 'right' },
  { header: 'Draft', align: 'left' },
];

const PACK_COLUMNS: readonly TableColumn[] = [
  { header: 'Customer', align: 'left' },
  { header: 'Pack', align: 'left' },
  { header: 'Opening h', align: 'right' },
  { header: 'Drawn h', align: 'right' },
  { header: 'Closing h', align: 'right' },
  { header: 'Expires', align: 'left' },
];

function formatTable(period: Period, rows: readonly CustomerReport[], decimals: number): string[] {
  if (rows.length === 0) {
    return [`No customer has work, fees, prepaid hours or a Tally invoice in ${period}.`];
  }
  const money = (amount: MinorUnits) => formatMinorUnits(amount, decimals);
  const total = <K extends keyof CustomerReport>(field: K) =>
    rows.reduce((sum, row) => sum + (row[field] as number), 0);
  const cells = rows.map((row) => [
    row.customer,
    row.customerId === null ? '' : String(row.customerId),
    ...figureCells(row, decimals),
    draftText(row),
  ]);
  const footer = [
    [
      'Total',
      '',
      ...(['logged', 'covered', 'drawn', 'billed', 'review'] as const).map((field) =>
        hours(minutes(total(field))),
      ),
      String(rows.reduce((sum, row) => sum + row.reviewItems.length, 0)),
      ...(['coveredValue', 'billedAmount', 'feeAmount', 'totalAmount'] as const).map((field) =>
        money(minorUnits(total(field))),
      ),
      '',
    ],
  ];
  const currency = rows[0]?.currency ?? '';
  const out = [
    `Tally report ${period}: amounts in ${currency}, excluding VAT`,
    '',
    ...alignTable(TABLE_COLUMNS, cells, footer),
  ];
  const packs = rows.flatMap((row) =>
    row.packs.map((pack) => [
      row.customer,
      pack.name,
      hours(pack.opening),
      hours(pack.drawn),
      hours(pack.closing),
      pack.expiresOn ?? 'never',
    ]),
  );
  if (packs.length > 0) out.push('', 'Prepaid packs', ...alignTable(PACK_COLUMNS, packs));
  return [...out, ...correctionLines(rows, decimals), ...prefixLines(rows)];
}

/** Invoice numbers a row's corrections correct, in words. */
const correctedInvoices = (row: CustomerReport) =>
  row.corrections.corrects.length === 0
    ? 'an earlier invoice'
    : row.corrections.corrects.join(', ');

/** The corrections of earlier invoices, customer by customer (their time is in Billed). */
function correctionLines(rows: readonly CustomerReport[], decimals: number): string[] {
  const lines = rows
    .filter((row) => row.corrections.minutes !== 0 || row.corrections.amount !== 0)
    .map(
      (row) =>
        `  ${row.customer}: ${hours(row.corrections.minutes)} h, ${formatMinorUnits(row.corrections.amount, decimals)}, corrects ${correctedInvoices(row)}`,
    );
  return lines.length === 0
    ? []
    : ['', 'Corrections of earlier invoices, included in Billed', ...lines];
}

function prefixLines(rows: readonly CustomerReport[]): string[] {
  const lines = rows.flatMap((row) =>
    row.unknownPrefixes.map((line) => `  ${row.customer}: ${formatUnknownPrefixLine(line)}`),
  );
  return lines.length === 0
    ? []
    : ['', 'Lines starting with a [prefix] that is not a category', ...lines];
}

const CSV_HEADER = [
  'period',
  'customer_id',
  'customer',
  'currency',
  'logged_h',
  'covered_h',
  'drawn_h',
  'billed_h',
  'review_h',
  'review_items',
  'covered_value',
  'billed_amount',
  'fee_amount',
  'total_amount',
  'packs',
  'pack_opening_h',
  'pack_drawn_h',
  'pack_closing_h',
  'draft_state',
  'invoice',
  'correction_h',
  'correction_amount',
  'corrects',
];

function formatCsv(rows: readonly CustomerReport[], decimals: number): string {
  return toCsv([
    CSV_HEADER,
    ...rows.map((row) => [
      row.period,
      row.customerId === null ? '' : String(row.customerId),
      row.customer,
      row.currency,
      ...figureCells(row, decimals),
      row.packs.map((pack) => pack.name).join('; '),
      hours(packTotal(row, 'opening')),
      hours(packTotal(row, 'drawn')),
      hours(packTotal(row, 'closing')),
      row.draft.state,
      row.draft.invoice ?? '',
      hours(row.corrections.minutes),
      formatMinorUnits(row.corrections.amount, decimals),
      row.corrections.corrects.join('; '),
    ]),
  ]);
}

/** JSON: hours as numbers with two decimals (as on the invoices), amounts as decimal strings. */
function jsonRecord(row: CustomerReport, decimals: number) {
  const money = (amount: MinorUnits) => formatMinorUnits(amount, decimals);
  return {
    period: row.period,
    customerId: row.customerId,
    customer: row.customer,
    currency: row.currency,
    hours: {
      logged: hoursNumber(row.logged),
      covered: hoursNumber(row.covered),
      drawn: hoursNumber(row.drawn),
      billed: hoursNumber(row.billed),
      review: hoursNumber(row.review),
    },
    amounts: {
      coveredValue: money(row.coveredValue),
      billed: money(row.billedAmount),
      fees: money(row.feeAmount),
      total: money(row.totalAmount),
    },
    corrections: {
      hours: hoursNumber(row.corrections.minutes),
      amount: money(row.corrections.amount),
      corrects: row.corrections.corrects,
    },
    packs: row.packs.map((pack) => ({
      name: pack.name,
      opening: hoursNumber(pack.opening),
      drawn: hoursNumber(pack.drawn),
      closing: hoursNumber(pack.closing),
      expiresOn: pack.expiresOn,
    })),
    review: {
      count: row.reviewItems.length,
      items: row.reviewItems.map((item) => ({
        timesheetId: item.timesheetId,
        ticket: item.ticket,
        date: item.date,
        hours: hoursNumber(item.minutes),
        reason: item.reason,
      })),
    },
    unknownPrefixes: row.unknownPrefixes,
    draft: row.draft,
  };
}

/** The report in the chosen format as one document ending with a line break (CSV: CRLF). */
export function formatPeriodReport(
  period: Period,
  rows: readonly CustomerReport[],
  format: ReportFormat,
  currencyDecimals: number,
): string {
  switch (format) {
    case 'table':
      return `${formatTable(period, rows, currencyDecimals).join('\n')}\n`;
    case 'csv':
      return formatCsv(rows, currencyDecimals);
    case 'json':
      return `${JSON.stringify(
        rows.map((row) => jsonRecord(row, currencyDecimals)),
        null,
        2,
      )}\n`;
  }
}
