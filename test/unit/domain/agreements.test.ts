import { classifyLine, localDate, planFees, period, resolveTier } from '../../../src/domain';
import {
  COMPANY,
  CUSTOMER,
  aLine,
  aTicket,
  anAgreement,
  defaultSettings,
  settingsWith,
} from './builders';

function tierOn(date: string, agreements = [anAgreement('patch', '2025-11-16', '2026-03-31')]) {
  return resolveTier(agreements, CUSTOMER.id, localDate(date), defaultSettings);
}

describe('agreement resolution per line date', () => {
  it.each([
    ['2025-11-15', 'on_demand', 'the day before the agreement starts'],
    ['2025-11-16', 'patch', 'its first day (validFrom inclusive)'],
    ['2026-03-31', 'patch', 'its last day (validTo inclusive)'],
    ['2026-04-01', 'on_demand', 'the day after it ends'],
  ])('%s is %s: %s', (date, tier) => {
    expect(tierOn(date).tier?.key).toBe(tier);
  });

  it('classifies lines of one month differently when the agreement starts mid-month', () => {
    const agreements = [
      anAgreement('patch', '2025-11-16'),
      anAgreement('maintenance', '2025-11-16'),
    ];
    const context = {
      company: COMPANY,
      customers: [CUSTOMER],
      tickets: [aTicket({ categoryName: 'Bug fix' })],
      agreements,
    };
    const before = classifyLine(aLine({ date: '2025-11-10' }), context, defaultSettings);
    const after = classifyLine(aLine({ date: '2025-11-20' }), context, defaultSettings);
    expect([before.coverage, before.tier]).toEqual(['billable', 'on_demand']);
    expect([after.coverage, after.tier]).toEqual(['covered', 'maintenance']);
  });

  it('lets the highest tier win when agreements overlap, without a problem for prerequisites', () => {
    const result = tierOn('2025-12-01', [
      anAgreement('patch', '2025-01-01'),
      anAgreement('maintenance', '2025-06-01'),
    ]);
    expect(result.tier?.key).toBe('maintenance');
    expect(result.agreementIds).toEqual(['tag:maintenance:2025-06-01', 'tag:patch:2025-01-01']);
    expect(result.problems).toEqual([]);
  });

  it('warns when an unrelated lower tier overlaps', () => {
    const result = tierOn('2025-12-01', [anAgreement('on_demand'), anAgreement('patch')]);
    expect(result.tier?.key).toBe('patch');
    expect(result.problems).toEqual([
      {
        code: 'AGREEMENT_OVERLAP',
        record: { kind: 'customer', id: '45' },
        date: '2025-12-01',
        chosen: 'tag:patch:always',
        overridden: ['tag:on_demand:always'],
      },
    ]);
  });

  describe('maintenance without patch', () => {
    const agreements = [
      anAgreement('patch', '2025-01-01', '2025-11-15'),
      anAgreement('maintenance', '2025-01-01'),
    ];

    it('is a typed problem on the decision and the line goes to review', () => {
      const decision = classifyLine(
        aLine({ date: '2025-11-20' }),
        {
          company: COMPANY,
          customers: [CUSTOMER],
          tickets: [aTicket({ categoryName: 'Bug fix' })],
          agreements,
        },
        defaultSettings,
      );
      expect(decision.coverage).toBe('review');
      expect(decision.tier).toBe('maintenance');
      expect(decision.problems).toEqual([
        {
          code: 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH',
          record: { kind: 'agreement', id: 'tag:maintenance:2025-01-01' },
          date: '2025-11-20',
          tier: 'maintenance',
          missing: ['patch'],
          agreementId: 'tag:maintenance:2025-01-01',
        },
      ]);
    });

    it('is fine while the patch agreement is still active', () => {
      expect(tierOn('2025-11-15', agreements).problems).toEqual([]);
    });
  });

  it('makes a line outside any agreement a NO_AGREEMENT problem when there is no default tier', () => {
    const result = resolveTier(
      [],
      CUSTOMER.id,
      localDate('2025-11-03'),
      settingsWith({ defaultTier: null }),
    );
    expect(result.tier).toBeNull();
    expect(result.problems).toEqual([
      { code: 'NO_AGREEMENT', record: { kind: 'customer', id: '45' }, date: '2025-11-03' },
    ]);
  });

  it('ignores agreements of other customers', () => {
    const other = anAgreement('maintenance', null, null, {
      customerId: '99' as typeof CUSTOMER.id,
    });
    expect(tierOn('2025-11-03', [other]).tier?.key).toBe('on_demand');
  });
});

describe('monthly fees', () => {
  it.each([
    ['whole month', [anAgreement('patch', '2025-01-01')], 49500, 30],
    ['starts on the 16th', [anAgreement('patch', '2025-11-16')], 24750, 15],
    ['ends on the 10th', [anAgreement('patch', '2025-01-01', '2025-11-10')], 16500, 10],
    ['starts and ends inside', [anAgreement('patch', '2025-11-11', '2025-11-11')], 1650, 1],
    [
      'customer-specific fee',
      [anAgreement('patch', null, null, { monthlyFee: 79000 as never })],
      79000,
      30,
    ],
  ] as const)('%s', (_name, agreements, amount, days) => {
    const { fees } = planFees(CUSTOMER.id, period('2025-11'), agreements, defaultSettings);
    expect(fees).toEqual([
      expect.objectContaining({ tier: 'patch', amount, days, daysInPeriod: 30 }),
    ]);
  });

  it('bills the full fee for a partial month when proration is off', () => {
    const settings = settingsWith({ billing: { feeProration: 'none' } });
    const { fees } = planFees(
      CUSTOMER.id,
      period('2025-11'),
      [anAgreement('patch', '2025-11-16')],
      settings,
    );
    expect(fees[0]?.amount).toBe(49500);
  });

  it('has no fee line for tiers without a fee and none for on demand', () => {
    const agreements = [anAgreement('patch'), anAgreement('maintenance')];
    const { fees } = planFees(CUSTOMER.id, period('2025-11'), agreements, defaultSettings);
    expect(fees.map((fee) => fee.tier)).toEqual(['patch']);
  });

  it('does not bill maintenance days without patch and reports them', () => {
    const settings = settingsWith({
      tiers: defaultSettings.tiers.map((tier) =>
        tier.key === 'maintenance' ? { ...tier, monthlyFee: 100000 as never } : tier,
      ),
    });
    const agreements = [anAgreement('patch', null, '2025-11-20'), anAgreement('maintenance')];
    const plan = planFees(CUSTOMER.id, period('2025-11'), agreements, settings);
    expect(plan.fees.map((fee) => [fee.tier, fee.days])).toEqual([
      ['patch', 20],
      ['maintenance', 20],
    ]);
    expect(plan.problems.map((problem) => [problem.code, problem.record.id])).toEqual([
      ['AGREEMENT_MAINTENANCE_WITHOUT_PATCH', 'tag:maintenance:always'],
    ]);
  });
});
