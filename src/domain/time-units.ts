import type { Minutes } from './types';
import { MINUTES_PER_HOUR, minutes } from './types';

/** How float hours from Odoo become whole minutes. */
export type HoursRoundingRule = 'nearest_minute';

/**
 * Converts Odoo's float hours (`unit_amount`) to whole minutes with the named rule: nearest
 * minute, halves away from zero (0.2583 h → 15 min, -0.25 h → -15 min). Throws RangeError on a
 * non-finite number, which a parsed record never holds.
 */
export function hoursToMinutes(hours: number, rule: HoursRoundingRule): Minutes {
  if (!Number.isFinite(hours))
    throw new RangeError(`hoursToMinutes: not a finite number: ${hours}`);
  switch (rule) {
    case 'nearest_minute': {
      // Float noise such as 0.1 * 60 = 6.000000000000001 is far below half a minute.
      const magnitude = Math.round(Math.abs(hours) * MINUTES_PER_HOUR);
      return minutes(hours < 0 ? -magnitude : magnitude);
    }
  }
}

/** Minutes as decimal hours text with two decimals, for labels: 90 → "1.50". */
export function formatHours(time: Minutes): string {
  const negative = time < 0;
  const magnitude = Math.abs(time);
  // Hundredths of an hour, rounded half-up with integers: minutes × 100 / 60.
  const hundredths = Math.floor((magnitude * 100 * 2 + MINUTES_PER_HOUR) / (2 * MINUTES_PER_HOUR));
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0');
  return `${negative && hundredths > 0 ? '-' : ''}${whole}.${fraction}`;
}

/** Whole hours as minutes (config values such as pack sizes are whole or decimal hours). */
export function wholeHoursToMinutes(hours: number): Minutes {
  return hoursToMinutes(hours, 'nearest_minute');
}
