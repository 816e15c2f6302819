import { currencyCode, minorUnits, minutes } from '../../../../src/domain';
import {
  dateRangeLabel,
  formatHoursText,
  formatMoney,
} from '../../../../src/report/statement/render/format';
import { customerSlug } from '../../../../src/report/statement/slug';

describe('formatMoney uses the currency’s own decimals and code, joined by no-break spaces', () => {
  it.each([
    [123456789, 'SEK', 2, '1\u202f234\u202f567.89\u00a0SEK'],
    [49500, 'EUR', 2, '495.00\u00a0EUR'],
    [5, 'EUR', 2, '0.05\u00a0EUR'],
    [-150000, 'SEK', 2, '−1\u202f500.00\u00a0SEK'],
    [1500, 'JPY', 0, '1\u202f500\u00a0JPY'],
    [12345, 'KWD', 3, '12.345\u00a0KWD'],
  ])('%d minor units of %s (%d decimals) → %s', (amount, code, decimals, expected) => {
    expect(formatMoney(minorUnits(amount), { code: currencyCode(code), decimals })).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    [90, '1.50 h'],
    [0, '0.00 h'],
    [-15, '−0.25 h'],
  ])('%d minutes → %s', (time, expected) => {
    expect(formatHoursText(minutes(time))).toBe(expected);
  });

  it.each([
    ['2026-10-01', '2026-10-01', '1 Oct 2026'],
    ['2026-10-01', '2026-10-07', '1–7 Oct 2026'],
    ['2026-09-30', '2026-10-02', '30 Sep – 2 Oct 2026'],
    ['2026-12-28', '2027-01-03', '28 Dec 2026 – 3 Jan 2027'],
  ])('%s to %s → %s', (from, to, expected) => {
    expect(dateRangeLabel(from, to)).toBe(expected);
  });

  it.each([
    ['Östra Hamnen Fastigheter AB', 'ostra-hamnen-fastigheter-ab'],
    ['Björk & Berg Konsult AB', 'bjork-berg-konsult-ab'],
    ['../../etc/passwd', 'etc-passwd'],
    ['<script>', 'script'],
    ['東京', 'customer'],
  ])('customerSlug(%s) → %s', (name, expected) => {
    expect(customerSlug(name)).toBe(expected);
  });
});
