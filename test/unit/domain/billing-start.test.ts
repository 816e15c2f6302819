import { agreementsFromBillingStart } from '../../../src/domain/billing-start';
import type { Agreement } from '../../../src/domain/facts';
import { customerId, localDate, tierKey } from '../../../src/domain/types';

const agreement = (validFrom: string | null, validTo: string | null): Agreement => ({
  id: 'a1',
  customerId: customerId(4),
  tier: tierKey('patch'),
  validFrom: validFrom === null ? null : localDate(validFrom),
  validTo: validTo === null ? null : localDate(validTo),
  source: 'test',
});

describe('agreementsFromBillingStart (billing.startDate)', () => {
  it.each([
    { case: 'no start date', start: null, from: null, to: null, expected: [null, null] },
    {
      case: 'undated, held back',
      start: '2026-02-01',
      from: null,
      to: null,
      expected: ['2026-02-01', null],
    },
    {
      case: 'starts earlier',
      start: '2026-02-01',
      from: '2025-06-01',
      to: null,
      expected: ['2026-02-01', null],
    },
    {
      case: 'starts on the day',
      start: '2026-02-01',
      from: '2026-02-01',
      to: null,
      expected: ['2026-02-01', null],
    },
    {
      case: 'starts later',
      start: '2026-02-01',
      from: '2026-03-15',
      to: '2026-12-31',
      expected: ['2026-03-15', '2026-12-31'],
    },
    {
      case: 'ends on the day',
      start: '2026-02-01',
      from: '2025-01-01',
      to: '2026-02-01',
      expected: ['2026-02-01', '2026-02-01'],
    },
    {
      case: 'ended before',
      start: '2026-02-01',
      from: '2025-01-01',
      to: '2026-01-31',
      expected: null,
    },
  ])('$case', ({ start, from, to, expected }) => {
    const result = agreementsFromBillingStart(
      [agreement(from, to)],
      start === null ? null : localDate(start),
    );
    expect(result.map((entry) => [entry.validFrom, entry.validTo])).toEqual(
      expected === null ? [] : [expected],
    );
  });
});
