import { DateTime, IANAZone } from 'luxon';
import type { LocalDate, Period } from './types';
import { compareText, localDate, period } from './types';

/**
 * Billing periods are calendar months in the company's IANA time zone. Calendar maths only: the
 * domain never asks luxon for "now".
 */

/** The period a calendar day belongs to. */
export function periodOfDate(date: LocalDate): Period {
  return period(date.slice(0, 7));
}

// Odoo returns datetimes as "YYYY-MM-DD HH:MM:SS" in UTC; ISO strings with an offset also work.
const ODOO_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * The company-local calendar day of a UTC instant (Odoo datetime or ISO string), or null when the
 * instant or the zone is invalid.
 */
export function localDateOfInstant(instant: string, timeZone: string): LocalDate | null {
  if (!IANAZone.isValidZone(timeZone)) return null;
  const parsed = ODOO_DATETIME.test(instant)
    ? DateTime.fromSQL(instant, { zone: 'utc' })
    : DateTime.fromISO(instant, { zone: 'utc' });
  if (!parsed.isValid) return null;
  const local = parsed.setZone(timeZone).toISODate();
  return local === null ? null : localDate(local);
}

/** The period of an Odoo UTC datetime (or ISO instant) in the company time zone, or null. */
export function periodOfInstant(instant: string, timeZone: string): Period | null {
  const date = localDateOfInstant(instant, timeZone);
  return date === null ? null : periodOfDate(date);
}

function startOf(target: Period): DateTime {
  return DateTime.fromObject(
    { year: Number(target.slice(0, 4)), month: Number(target.slice(5, 7)), day: 1 },
    { zone: 'utc' },
  );
}

function toLocalDate(value: DateTime): LocalDate {
  return localDate(value.toFormat('yyyy-MM-dd'));
}

/** First and last day of a period (both inclusive) and its number of days. */
export function periodBounds(target: Period): { first: LocalDate; last: LocalDate; days: number } {
  const start = startOf(target);
  const end = start.endOf('month');
  return { first: toLocalDate(start), last: toLocalDate(end), days: end.day };
}

/** The period after `target`. */
export function nextPeriod(target: Period): Period {
  return period(startOf(target).plus({ months: 1 }).toFormat('yyyy-MM'));
}

/** The period before `target`. */
export function previousPeriod(target: Period): Period {
  return period(startOf(target).minus({ months: 1 }).toFormat('yyyy-MM'));
}

/** Every day of a period, in order. */
export function daysOfPeriod(target: Period): LocalDate[] {
  const start = startOf(target);
  const { days } = periodBounds(target);
  return Array.from({ length: days }, (_, offset) => toLocalDate(start.plus({ days: offset })));
}

/** `date` plus a number of calendar months (end-of-month clamped: Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return toLocalDate(DateTime.fromISO(date, { zone: 'utc' }).plus({ months }));
}

/** Compares LocalDates or Periods chronologically (their text order is chronological). */
export function compareDates(a: LocalDate | Period, b: LocalDate | Period): number {
  return compareText(a, b);
}

/** True when `date` lies in `[from, to]`, either bound optional (null = open). */
export function isWithin(date: LocalDate, from: LocalDate | null, to: LocalDate | null): boolean {
  return (from === null || from <= date) && (to === null || date <= to);
}
