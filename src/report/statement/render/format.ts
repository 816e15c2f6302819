import { DateTime } from 'luxon';
import { formatHours, formatMinorUnits, type MinorUnits, type Minutes } from '../../../domain';
import type { Statement } from '../statement';

// Both spaces are no-break spaces, so a browser never wraps an amount inside a cell or card.
const GROUP_SEPARATOR = '\u202f';
const CODE_SEPARATOR = '\u00a0';

/** "12 345.50 SEK": the currency's own decimals and code, thousands grouped by a narrow space. */
export function formatMoney(amount: MinorUnits, currency: Statement['currency']): string {
  const text = formatMinorUnits(amount, currency.decimals);
  const [whole = '', fraction] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
  const sign = text.startsWith('-') ? '−' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}${CODE_SEPARATOR}${currency.code}`;
}

/** "1.50 h"; negative hours with a real minus sign. */
export function formatHoursText(time: Minutes): string {
  return `${formatHours(time).replace('-', '−')} h`;
}

/** Hours for table cells: an en dash for nothing. */
export function hoursCell(time: Minutes): string {
  return time === 0 ? '–' : formatHoursText(time);
}

const calendarDay = (date: string): DateTime =>
  DateTime.fromISO(date, { zone: 'utc', locale: 'en' });

/** "October 2026" for "2026-10". */
export function periodLabel(period: string): string {
  return calendarDay(`${period}-01`).toFormat('LLLL yyyy');
}

/** "15 Oct 2026" for "2026-10-15". */
export function dateLabel(date: string): string {
  return calendarDay(date).toFormat('d LLL yyyy');
}

/** "1–7 Oct 2026", "30 Sep – 2 Oct 2026", "28 Dec 2026 – 3 Jan 2027"; one day is just its label. */
export function dateRangeLabel(from: string, to: string): string {
  if (from === to) return dateLabel(from);
  const [start, end] = [dateLabel(from), dateLabel(to)];
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${start} – ${end}`;
  if (from.slice(0, 7) !== to.slice(0, 7)) return `${start.slice(0, -5)} – ${end}`;
  return `${Number(from.slice(8, 10))}–${end}`;
}
