/** Calendar days as `YYYY-MM-DD` text, with UTC date maths (no time zone can shift a day). */

const DAY_MS = 86_400_000;

function toDay(text: string): number {
  return Date.parse(`${text}T00:00:00Z`);
}

function toText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday to Friday from `first` to `last`, both inclusive. */
export function workdays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = toDay(first); ms <= toDay(last); ms += DAY_MS) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(toText(ms));
  }
  return days;
}

/** The last day of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return toText(Date.UTC(year, monthNumber, 0));
}
