import { customerId } from '../../../../src/domain/types';
import { agreementFromStaticEntry } from '../../../../src/sync/map/map-static-agreements';

describe('agreementFromStaticEntry', () => {
  it.each([
    {
      case: 'an undated entry by id',
      entry: { customer: 44, tier: 'patch', validFrom: null, validTo: null },
      index: 0,
      expected: { id: 'static:1', tier: 'patch', validFrom: null, validTo: null },
    },
    {
      case: 'a dated entry by internal reference',
      entry: {
        customer: 'K1042',
        tier: 'maintenance',
        validFrom: '2026-01-16',
        validTo: '2026-12-31',
      },
      index: 2,
      expected: {
        id: 'static:3',
        tier: 'maintenance',
        validFrom: '2026-01-16',
        validTo: '2026-12-31',
      },
    },
  ])('$case', ({ entry, index, expected }) => {
    expect(agreementFromStaticEntry(entry, index, customerId(44))).toEqual({
      ...expected,
      customerId: '44',
      source: `agreement ${index + 1} of sources.tier.agreements`,
    });
  });
});
