import {
  formatHours,
  formatMinorUnits,
  minorUnits,
  minutes,
  type CurrencyCode,
  type Minutes,
  type Period,
} from '../domain';
import type { CustomerReport } from '../report/period-report/period-report';
import { alignTable, type TableColumn } from '../report/period-report/text-table';

const COLUMNS: readonly TableColumn[] = [
  { header: 'Customer', align: 'left' },
  { header: 'Covered h', align: 'right' },
  { header: 'Prepaid h', align: 'right' },
  { header: 'Billed h', align: 'right' },
  { header: 'Time', align: 'right' },
  { header: 'Fees', align: 'right' },
  { header: 'Total', align: 'right' },
  { header: 'Held for review', align: 'left' },
];

/** "2.50 h on 3 lines"; empty when nothing is held. */
export function heldText(time: Minutes, lines: number): string {
  if (lines === 0) return '';
  return `${formatHours(time)} h on ${lines} ${lines === 1 ? 'line' : 'lines'}`;
}

interface Figures {
  readonly covered: number;
  readonly drawn: number;
  readonly billed: number;
  readonly time: number;
  readonly fees: number;
  readonly total: number;
  readonly held: number;
  readonly heldLines: number;
}

const figuresOf = (row: CustomerReport): Figures => ({
  covered: row.covered,
  drawn: row.drawn,
  billed: row.billed,
  // What the draft charges for time is its total less the fees, so Time + Fees = Total exactly.
  time: row.totalAmount - row.feeAmount,
  fees: row.feeAmount,
  total: row.totalAmount,
  held: row.review,
  heldLines: row.reviewItems.length,
});

function cells(name: string, figures: Figures, decimals: number): string[] {
  const hours = (value: number) => formatHours(minutes(value));
  const money = (value: number) => formatMinorUnits(minorUnits(value), decimals);
  return [
    name,
    hours(figures.covered),
    hours(figures.drawn),
    hours(figures.billed),
    money(figures.time),
    money(figures.fees),
    money(figures.total),
    heldText(minutes(figures.held), figures.heldLines),
  ];
}

function sumOf(all: readonly Figures[]): Figures {
  const total = (field: keyof Figures) => all.reduce((sum, figures) => sum + figures[field], 0);
  return {
    covered: total('covered'),
    drawn: total('drawn'),
    billed: total('billed'),
    time: total('time'),
    fees: total('fees'),
    total: total('total'),
    held: total('held'),
    heldLines: total('heldLines'),
  };
}

/**
 * The demo's closing table: per customer the hours by outcome, the draft's amounts split into
 * time and monthly fees, and the time held for review in hours, with a line for all customers.
 */
export function demoSummaryLines(
  period: Period,
  rows: readonly CustomerReport[],
  currency: CurrencyCode,
  decimals: number,
): string[] {
  const table = alignTable(
    COLUMNS,
    rows.map((row) => cells(row.customer, figuresOf(row), decimals)),
    [cells('All customers', sumOf(rows.map(figuresOf)), decimals)],
  );
  return [
    `${period} per customer, as the drafts stand (hours; amounts in ${currency} excluding VAT):`,
    '',
    ...table.map((line) => `  ${line}`),
    '',
    "Time: the billed hours at the hourly rate. Fees: the agreements' monthly fees. Total = Time + Fees,",
    'the draft invoice. Held time is on no invoice until it is checked.',
  ];
}
