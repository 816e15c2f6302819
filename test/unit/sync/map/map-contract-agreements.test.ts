import { customerId, tierKey } from '../../../../src/domain/types';
import { agreementsFromContractLine } from '../../../../src/sync/map/map-contract-agreements';
import { defaultSettings } from '../../domain/builders';
import { aContract, aContractLine } from './agreement-rows';

const fees = { settings: defaultSettings, currencyDecimals: 2 };
const PATCH = [tierKey('patch')];

function agreementsOf(line: Record<string, unknown>, contract: Record<string, unknown> = {}) {
  return agreementsFromContractLine(aContractLine(line), {
    contract: aContract(contract),
    customerId: customerId(44),
    tiers: PATCH,
    fees,
  });
}

describe('agreementsFromContractLine', () => {
  it.each([
    {
      case: "the line's own dates",
      line: { date_start: '2026-01-16', date_end: '2026-06-30' },
      contract: {},
      dates: [['2026-01-16', '2026-06-30']],
    },
    {
      case: 'an open-ended line',
      line: { date_start: '2025-06-01', date_end: false },
      contract: {},
      dates: [['2025-06-01', null]],
    },
    {
      case: "the contract's end when the line has none",
      line: { date_end: false },
      contract: { date_end: '2026-03-31' },
      dates: [['2025-06-01', '2026-03-31']],
    },
    {
      case: "the contract's start when the line has none",
      line: { date_start: false },
      contract: { date_start: '2025-02-01' },
      dates: [['2025-02-01', null]],
    },
    { case: 'a cancelled line', line: { is_canceled: true }, contract: {}, dates: [] },
    { case: 'a section', line: { display_type: 'line_section' }, contract: {}, dates: [] },
    { case: 'a purchase contract', line: {}, contract: { contract_type: 'purchase' }, dates: [] },
    { case: 'an archived contract', line: {}, contract: { active: false }, dates: [] },
  ])('$case', ({ line, contract, dates }) => {
    const result = agreementsOf(line, contract);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.value.map((agreement) => [agreement.validFrom, agreement.validTo])).toEqual(
      dates,
    );
  });

  it.each([
    { rule: 'monthly', interval: 1, fee: 49500 },
    { rule: 'monthlylastday', interval: 2, fee: 24750 },
    { rule: 'quarterly', interval: 1, fee: 16500 },
    { rule: 'semesterly', interval: 1, fee: 8250 },
    { rule: 'yearly', interval: 1, fee: 4125 },
    { rule: 'weekly', interval: 1, fee: null },
    { rule: 'daily', interval: 1, fee: null },
  ])('a price recurring $interval × $rule is a monthly fee of $fee', ({ rule, interval, fee }) => {
    const result = agreementsOf({ recurring_rule_type: rule, recurring_interval: interval });
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.value.map((agreement) => agreement.monthlyFee)).toEqual([fee]);
  });

  it('gives one agreement per tier the product means, with stable ids and the contract named', () => {
    const result = agreementsFromContractLine(aContractLine({ id: 31 }), {
      contract: aContract({ code: false, name: 'Fjord support' }),
      customerId: customerId(45),
      tiers: [tierKey('patch'), tierKey('maintenance')],
      fees,
    });
    expect(result).toEqual({
      ok: true,
      value: [
        {
          id: 'oca_contract:31:patch',
          customerId: '45',
          tier: 'patch',
          validFrom: '2025-06-01',
          validTo: null,
          source: 'contract Fjord support',
          monthlyFee: 49500,
        },
        {
          id: 'oca_contract:31:maintenance',
          customerId: '45',
          tier: 'maintenance',
          validFrom: '2025-06-01',
          validTo: null,
          source: 'contract Fjord support',
          monthlyFee: null,
        },
      ],
    });
  });

  it('names the line and field of a line that ends before it starts', () => {
    expect(agreementsOf({ date_start: '2026-02-01', date_end: '2026-01-31' })).toEqual({
      ok: false,
      problem: {
        model: 'contract.line',
        recordId: 31,
        path: 'date_end',
        message: 'ends (2026-01-31) before it starts (2026-02-01)',
      },
    });
  });
});
