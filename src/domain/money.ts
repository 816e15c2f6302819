import type { MinorUnits, Minutes } from './types';
import { MINUTES_PER_HOUR, minorUnits } from './types';

/**
 * The one money rounding rule of Tally: half away from zero to the minor unit ("half-up" for
 * positive amounts), so a credit is always the exact negative of the charge it reverses.
 */
export const MONEY_ROUNDING = 'half_up_to_minor_unit' as const;

function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** Price of `time` at `hourlyRate`, rounded with MONEY_ROUNDING; integer maths only. */
export function priceForMinutes(hourlyRate: MinorUnits, time: Minutes): MinorUnits {
  const exact = BigInt(hourlyRate) * BigInt(time);
  return minorUnits(Number(divideHalfAwayFromZero(exact, BigInt(MINUTES_PER_HOUR))));
}

/** `amount × numerator / denominator` rounded with MONEY_ROUNDING (used for fee proration). */
export function prorate(amount: MinorUnits, numerator: number, denominator: number): MinorUnits {
  if (denominator <= 0) throw new RangeError('prorate: denominator must be positive');
  const exact = BigInt(amount) * BigInt(numerator);
  return minorUnits(Number(divideHalfAwayFromZero(exact, BigInt(denominator))));
}

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount written in major units ("495", "1250.50") into minor units without
 * binary floats. Returns null when the text is not a plain decimal or has more fraction digits
 * than the currency has (`decimals`); trailing zeros beyond them are accepted.
 */
export function decimalToMinorUnits(text: string, decimals: number): MinorUnits | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', rawFraction = ''] = match;
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > decimals) return null;
  const digits = BigInt(whole + fraction.padEnd(decimals, '0'));
  const value = Number(sign ? -digits : digits);
  return Number.isSafeInteger(value) ? minorUnits(value) : null;
}

/** Formats minor units back as a decimal in major units, e.g. 49500 with 2 decimals → "495.00". */
export function formatMinorUnits(amount: MinorUnits, decimals: number): string {
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
