import { DateTime } from 'luxon';
import { localDate, type LocalDate } from '../../domain';

const day = (date: LocalDate): DateTime => DateTime.fromISO(date, { zone: 'utc' });

/** `date` plus `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return localDate(day(date).plus({ days }).toFormat('yyyy-MM-dd'));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}
