import { billedBefore } from '../../../src/domain/billed-before';
import { minutes, period, ticketId } from '../../../src/domain/types';
import { defaultSettings } from './builders';

/** Per earlier month: [period, counted minutes, minutes its invoice charged or null for none]. */
type Month = readonly [string, number, number | null];

const history = (months: readonly Month[]): number =>
  billedBefore(
    months.map(([month, counted, invoiced]) => ({
      ticketId: ticketId(7),
      period: period(month),
      counted: minutes(counted),
      invoiced: invoiced === null ? null : minutes(invoiced),
    })),
    defaultSettings.billing,
  )[0]?.billedBefore ?? 0;

describe('billedBefore: what earlier months billed a ticket (30-minute minimum)', () => {
  it.each<{ case: string; months: Month[]; billed: number }>([
    { case: 'no earlier month', months: [], billed: 0 },
    {
      case: 'a month before Tally, under the minimum',
      months: [['2026-10', 15, null]],
      billed: 30,
    },
    { case: 'an invoiced month: what its invoice says', months: [['2026-10', 15, 30]], billed: 30 },
    {
      case: 'minimum invoiced, then a month Tally billed nothing (issue 13, item 1)',
      months: [
        ['2026-10', 15, 30],
        ['2026-11', 15, 0],
      ],
      billed: 30,
    },
    {
      case: 'two months before Tally: the minimum once',
      months: [
        ['2026-09', 10, null],
        ['2026-10', 10, null],
      ],
      billed: 30,
    },
    {
      case: 'a month before Tally, then an invoice of what was due after it',
      months: [
        ['2026-09', 10, null],
        ['2026-10', 40, 20],
      ],
      billed: 50,
    },
    {
      case: 'an invoice that charged less than the time now logged (posted, edited later)',
      months: [
        ['2026-10', 60, 30],
        ['2026-11', 0, 0],
      ],
      billed: 30,
    },
    {
      case: 'a refund counts as billed: what the invoices say, summed',
      months: [
        ['2026-10', 30, 30],
        ['2026-11', 0, -30],
      ],
      billed: 0,
    },
    {
      case: 'a month before Tally whose time was edited down: never below zero',
      months: [
        ['2026-08', 60, null],
        ['2026-09', -30, null],
      ],
      billed: 60,
    },
    {
      case: 'months given out of order',
      months: [
        ['2026-11', 15, 0],
        ['2026-10', 15, 30],
      ],
      billed: 30,
    },
  ])('$case → $billed min', ({ months, billed }) => {
    expect(history(months)).toBe(billed);
  });
});
