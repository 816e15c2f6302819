/**
 * Branded value types of the domain. Quantities are integers (minutes, minor units of money) so
 * that sums are exact; identifiers are strings so Odoo ids and external references both fit.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Whole minutes of work (may be negative only on correction lines). */
export type Minutes = Brand<number, 'Minutes'>;
/** Money in the smallest unit of the company currency (cents, öre, ...), an integer. */
export type MinorUnits = Brand<number, 'MinorUnits'>;
/** A calendar day `YYYY-MM-DD` in the company's time zone. */
export type LocalDate = Brand<string, 'LocalDate'>;
/** A billing period: a calendar month `YYYY-MM` in the company's time zone. */
export type Period = Brand<string, 'Period'>;
/** The customer: Odoo's commercial partner. */
export type CustomerId = Brand<string, 'CustomerId'>;
export type TicketId = Brand<string, 'TicketId'>;
export type TimesheetId = Brand<string, 'TimesheetId'>;
export type CompanyId = Brand<string, 'CompanyId'>;
/** A prepaid pack: one confirmed sale order line of a pack product. */
export type PackId = Brand<string, 'PackId'>;
/** ISO 4217 code, e.g. `SEK`, `EUR`. */
export type CurrencyCode = Brand<string, 'CurrencyCode'>;
/** A service category key such as `bug_fix` (defined in the agreements config). */
export type CategoryKey = Brand<string, 'CategoryKey'>;
/** A tier key such as `on_demand`, `patch`, `maintenance` (defined in the agreements config). */
export type TierKey = Brand<string, 'TierKey'>;

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

const LOCAL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** Whole minutes; throws RangeError on a non-integer (a programming error, not a business case). */
export function minutes(value: number): Minutes {
  assertInteger(value, 'Minutes');
  return (value === 0 ? 0 : value) as Minutes;
}

/** Money in minor units; throws RangeError on a non-integer. */
export function minorUnits(value: number): MinorUnits {
  assertInteger(value, 'MinorUnits');
  return (value === 0 ? 0 : value) as MinorUnits;
}

/** True when `value` is a real calendar day written `YYYY-MM-DD`. */
export function isLocalDate(value: string): value is LocalDate {
  if (!LOCAL_DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** A LocalDate; throws RangeError when `value` is not a real `YYYY-MM-DD` day. */
export function localDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

/** True when `value` is written `YYYY-MM`. */
export function isPeriod(value: string): value is Period {
  return PERIOD_PATTERN.test(value);
}

/** A Period; throws RangeError when `value` is not `YYYY-MM`. */
export function period(value: string): Period {
  if (!isPeriod(value)) throw new RangeError(`Not a billing period (YYYY-MM): ${value}`);
  return value;
}

/** True when `value` is a valid category or tier key (lower snake_case). */
export function isKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

export const customerId = (value: string | number): CustomerId => String(value) as CustomerId;
export const ticketId = (value: string | number): TicketId => String(value) as TicketId;
export const timesheetId = (value: string | number): TimesheetId => String(value) as TimesheetId;
export const companyId = (value: string | number): CompanyId => String(value) as CompanyId;
export const packId = (value: string | number): PackId => String(value) as PackId;
export const currencyCode = (value: string): CurrencyCode => value.toUpperCase() as CurrencyCode;
export const categoryKey = (value: string): CategoryKey => value as CategoryKey;
export const tierKey = (value: string): TierKey => value as TierKey;

/** Sum of minutes (exact: integers). */
export function sumMinutes(values: readonly Minutes[]): Minutes {
  return minutes(values.reduce((total, value) => total + value, 0));
}

/** Compares two strings by code unit, the same way on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares ids numerically when both are integers (Odoo ids), otherwise as text. */
/**
 * Natural order for references: runs of digits compare by value, so Enterprise's plain ticket
 * numbers sort 2 before 10 as OCA's zero-padded "HT00002" does. Deterministic, locale-free.
 */
export function compareReferences(a: string, b: string): number {
  const parts = (text: string) => text.match(/\d+|\D+/g) ?? [];
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const x = left[index] as string;
    const y = right[index] as string;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) || compareText(x, y) : compareText(x, y);
    if (order !== 0) return Math.sign(order);
  }
  return left.length - right.length;
}

export function compareIds(a: string, b: string): number {
  const integer = /^\d+$/;
  if (integer.test(a) && integer.test(b) && a.length !== b.length) return a.length - b.length;
  return compareText(a, b);
}
