import {
  decimalToMinorUnits,
  formatHours,
  formatMinorUnits,
  hoursToMinutes,
  localDateOfInstant,
  minorUnits,
  minutes,
  nextPeriod,
  period,
  periodBounds,
  periodOfDate,
  periodOfInstant,
  previousPeriod,
  priceForMinutes,
  localDate,
  isLocalDate,
} from '../../../src/domain';

describe('hoursToMinutes (nearest minute)', () => {
  it.each([
    [0.25, 15],
    [1.5, 90],
    [0.1, 6],
    [0.3333, 20],
    [0.2583, 15],
    [1 / 120, 1], // exactly half a minute rounds away from zero
    [-0.25, -15],
    [0, 0],
  ])('%p h = %p min', (hours, expected) => {
    expect(hoursToMinutes(hours, 'nearest_minute')).toBe(expected);
  });

  it('rejects non-finite hours', () => {
    expect(() => hoursToMinutes(Number.NaN, 'nearest_minute')).toThrow(RangeError);
  });
});

describe('money', () => {
  it.each([
    [100000, 60, 100000],
    [100000, 20, 33333],
    [100000, 40, 66667],
    [1, 30, 1], // 0.5 rounds up
    [1, -30, -1], // and a credit mirrors it
    [49500, 1, 825],
  ])('rate %p for %p min = %p', (rate, time, expected) => {
    expect(priceForMinutes(minorUnits(rate), minutes(time))).toBe(expected);
  });

  it.each([
    ['495', 2, 49500],
    ['1250.5', 2, 125050],
    ['1250.50', 2, 125050],
    ['0.10', 2, 10],
    ['12.340', 2, 1234],
    ['100', 0, 100],
    ['1.234', 2, null],
    ['abc', 2, null],
    ['1e3', 2, null],
  ] as const)('decimal %p with %p decimals = %p', (text, decimals, expected) => {
    expect(decimalToMinorUnits(text, decimals)).toBe(expected);
  });

  it('formats minor units back', () => {
    expect(formatMinorUnits(minorUnits(49500), 2)).toBe('495.00');
    expect(formatMinorUnits(minorUnits(-5), 2)).toBe('-0.05');
  });

  it('formats hours for labels', () => {
    expect([90, 20, 0, -30].map((value) => formatHours(minutes(value)))).toEqual([
      '1.50',
      '0.33',
      '0.00',
      '-0.50',
    ]);
  });
});

describe('billing periods in the company time zone', () => {
  it.each([
    ['2025-11-30 22:59:59', 'Europe/Stockholm', '2025-11'],
    ['2025-11-30 23:00:00', 'Europe/Stockholm', '2025-12'],
    ['2025-12-01 02:00:00', 'America/New_York', '2025-11'],
    ['2025-06-30T22:30:00Z', 'Europe/Stockholm', '2025-07'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(periodOfInstant(instant, zone)).toBe(expected);
  });

  it('refuses an invalid zone or instant', () => {
    expect(localDateOfInstant('2025-11-30 10:00:00', 'Mars/Olympus')).toBeNull();
    expect(localDateOfInstant('yesterday', 'UTC')).toBeNull();
  });

  it('maps dates and walks months', () => {
    expect(periodOfDate(localDate('2024-02-29'))).toBe('2024-02');
    expect(periodBounds(period('2024-02'))).toEqual({
      first: '2024-02-01',
      last: '2024-02-29',
      days: 29,
    });
    expect(nextPeriod(period('2025-12'))).toBe('2026-01');
    expect(previousPeriod(period('2025-01'))).toBe('2024-12');
  });

  it('validates calendar dates', () => {
    expect(['2025-02-29', '2025-13-01', '2025-1-01'].map(isLocalDate)).toEqual([
      false,
      false,
      false,
    ]);
    expect(isLocalDate('2024-02-29')).toBe(true);
  });
});
