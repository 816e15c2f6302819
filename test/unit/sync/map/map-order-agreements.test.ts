import { customerId, tierKey } from '../../../../src/domain/types';
import { agreementsFromOrderLine } from '../../../../src/sync/map/map-order-agreements';
import { defaultSettings } from '../../domain/builders';
import { anOrder } from './agreement-rows';
import { aSaleLine } from './odoo-rows';

const fees = { settings: defaultSettings, currencyDecimals: 2 };

function agreementsOf(order: Record<string, unknown>, line: Record<string, unknown> = {}) {
  return agreementsFromOrderLine(aSaleLine({ id: 77, price_unit: 495, ...line }), {
    order: anOrder(order),
    customerId: customerId(44),
    tiers: [tierKey('patch')],
    fees,
    timeZone: 'Europe/Stockholm',
  });
}

describe('agreementsFromOrderLine', () => {
  it.each([
    {
      case: 'an order: from its date in the company zone, open-ended',
      order: { date_order: '2025-12-31 23:30:00' },
      dates: [['2026-01-01', null]],
    },
    {
      case: 'a locked order of 16',
      order: { state: 'done', date_order: '2025-12-01 09:00:00' },
      dates: [['2025-12-01', null]],
    },
    {
      case: 'a subscription: from its start date',
      order: { is_subscription: true, start_date: '2026-01-16', end_date: false },
      dates: [['2026-01-16', null]],
    },
    {
      case: 'a subscription with an end date',
      order: { is_subscription: true, start_date: '2025-06-01', end_date: '2026-01-15' },
      dates: [['2025-06-01', '2026-01-15']],
    },
    {
      case: 'a closed subscription with its end date',
      order: { subscription_state: '6_churn', start_date: '2025-06-01', end_date: '2025-12-31' },
      dates: [['2025-06-01', '2025-12-31']],
    },
    { case: 'a quotation', order: { state: 'draft' }, dates: [] },
    { case: 'a cancelled order', order: { state: 'cancel' }, dates: [] },
  ])('$case', ({ order, dates }) => {
    const result = agreementsOf(order);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.value.map((agreement) => [agreement.validFrom, agreement.validTo])).toEqual(
      dates,
    );
  });

  it('skips a note line of the order', () => {
    expect(agreementsOf({}, { display_type: 'line_note' })).toEqual({ ok: true, value: [] });
  });

  it("takes the line's unit price less its discount as the monthly fee", () => {
    const result = agreementsOf({}, { price_unit: 600, discount: 10, product_uom_qty: 12 });
    expect(result).toEqual({
      ok: true,
      value: [
        {
          id: 'sale_order:77:patch',
          customerId: '44',
          tier: 'patch',
          validFrom: '2026-01-01',
          validTo: null,
          source: 'sale order S00009',
          monthlyFee: 54000,
        },
      ],
    });
  });

  it.each([
    {
      case: 'a closed subscription without an end date',
      order: { subscription_state: '6_churn', start_date: '2025-06-01', end_date: false },
      message: 'the subscription is closed but has no end date, so its agreement cannot be dated',
    },
    {
      case: 'an end before the start',
      order: { start_date: '2026-02-01', end_date: '2026-01-31' },
      message: 'ends (2026-01-31) before it starts (2026-02-01)',
    },
  ])('names the order and field of $case', ({ order, message }) => {
    expect(agreementsOf(order)).toEqual({
      ok: false,
      problem: { model: 'sale.order', recordId: 9, path: 'end_date', message },
    });
  });
});
