import type { Agreement } from '../../domain/facts';
import { localDateOfInstant } from '../../domain/periods';
import type { CustomerId, TierKey } from '../../domain/types';
import { localDate } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { AgreementOrder } from '../../odoo/records/agreement-order';
import type { SaleOrderLine } from '../../odoo/records/sale-order-line';
import type { FeeTerms } from './agreement-fee';
import { agreementsPerTier } from './line-agreements';
import { mapped, rejected, type Mapped } from './mapped';

export interface OrderLineContext {
  readonly order: AgreementOrder;
  /** The order's commercial partner. */
  readonly customerId: CustomerId;
  /** The tiers the line's product means (`sources.tier.products`). */
  readonly tiers: readonly TierKey[];
  readonly fees: FeeTerms;
  readonly timeZone: string;
}

/** Confirmed orders: `done` is the locked state of 16 (17+ lock with a flag and keep `sale`). */
const CONFIRMED = new Set(['sale', 'done']);

/** A subscription that was closed: its end date says when its agreement stopped. */
const CHURNED = '6_churn';

/**
 * The agreements one sale order line gives: one per tier its product means, with the id
 * `sale_order:<line>:<tier>`, valid from the subscription's `start_date` (else the order date in
 * the company zone) to its `end_date` where the database has one (else open). Quotations,
 * cancelled orders, sections and notes give none. The fee is the line's unit price less its
 * discount, as a monthly price (see agreement-fee.ts).
 */
export function agreementsFromOrderLine(
  line: SaleOrderLine,
  context: OrderLineContext,
): Mapped<Agreement[]> {
  const { order } = context;
  if (!CONFIRMED.has(order.state) || line.display_type !== null) return mapped([]);
  const validFrom =
    order.start_date === null
      ? localDateOfInstant(order.date_order, context.timeZone)
      : localDate(order.start_date);
  if (validFrom === null)
    return rejected(
      MODELS.saleOrder,
      order.id,
      'date_order',
      `not a datetime: ${order.date_order}`,
    );
  const validTo = order.end_date === null ? null : localDate(order.end_date);
  if (validTo === null && order.subscription_state === CHURNED) {
    return rejected(
      MODELS.saleOrder,
      order.id,
      'end_date',
      'the subscription is closed but has no end date, so its agreement cannot be dated',
    );
  }
  if (validTo !== null && validTo < validFrom) {
    return rejected(
      MODELS.saleOrder,
      order.id,
      'end_date',
      `ends (${validTo}) before it starts (${validFrom})`,
    );
  }
  return mapped(
    agreementsPerTier(
      context.tiers,
      {
        idPrefix: `sale_order:${line.id}`,
        customerId: context.customerId,
        validFrom,
        validTo,
        source: `sale order ${order.name}`,
        price: { unitPrice: line.price_unit, discountPercent: line.discount, months: 1 },
      },
      context.fees,
    ),
  );
}
