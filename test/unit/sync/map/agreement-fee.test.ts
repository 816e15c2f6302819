import { minorUnits, tierKey } from '../../../../src/domain/types';
import { monthlyFeeFromLine } from '../../../../src/sync/map/agreement-fee';
import { defaultSettings } from '../../domain/builders';

const terms = { settings: defaultSettings, currencyDecimals: 2 };

describe('monthlyFeeFromLine', () => {
  it.each([
    { case: 'a monthly price', tier: 'patch', unitPrice: 595, discount: 0, months: 1, fee: 59500 },
    { case: 'a free agreement', tier: 'patch', unitPrice: 0, discount: 0, months: 1, fee: 0 },
    { case: 'a discount', tier: 'patch', unitPrice: 600, discount: 12.5, months: 1, fee: 52500 },
    { case: 'a full discount', tier: 'patch', unitPrice: 600, discount: 100, months: 1, fee: 0 },
    {
      case: 'a quarterly price',
      tier: 'patch',
      unitPrice: 1000,
      discount: 0,
      months: 3,
      fee: 33333,
    },
    { case: 'a yearly price', tier: 'patch', unitPrice: 5940, discount: 0, months: 12, fee: 49500 },
    {
      case: 'half a minor unit rounds up',
      tier: 'patch',
      unitPrice: 0.05,
      discount: 50,
      months: 1,
      fee: 3,
    },
    {
      case: 'more decimals than the currency',
      tier: 'patch',
      unitPrice: 495.004,
      discount: 0,
      months: 1,
      fee: 49500,
    },
    {
      case: 'a price per week',
      tier: 'patch',
      unitPrice: 120,
      discount: 0,
      months: null,
      fee: null,
    },
    {
      case: 'a tier without a configured fee',
      tier: 'maintenance',
      unitPrice: 900,
      discount: 0,
      months: 1,
      fee: null,
    },
    { case: 'an unknown tier', tier: 'gold', unitPrice: 900, discount: 0, months: 1, fee: null },
  ])('$case → $fee', ({ tier, unitPrice, discount, months, fee }) => {
    expect(
      monthlyFeeFromLine(tierKey(tier), { unitPrice, discountPercent: discount, months }, terms),
    ).toBe(fee === null ? null : minorUnits(fee));
  });
});
