import type { PrepaidPack } from '../../domain/facts';
import { localDateOfInstant } from '../../domain/periods';
import { packExpiry, packPurchasedMinutes } from '../../domain/prepaid';
import type { PackProductDefinition } from '../../domain/settings';
import type { CustomerId, Minutes } from '../../domain/types';
import { minutes, packId } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { SaleOrderLine } from '../../odoo/records/sale-order-line';
import type { SaleOrder } from '../../odoo/records/context-records';
import { mapped, rejected, type Mapped } from './mapped';
import { hoursPerTimeUom } from './time-uom';

export interface PackContext {
  readonly product: PackProductDefinition;
  readonly order: SaleOrder;
  readonly customerId: CustomerId;
  readonly timeZone: string;
  /** Minutes of the planned period's timesheets linked to this sale line (`so_line`). */
  readonly linkedInPeriod: Minutes;
}

/**
 * A confirmed sale line of a pack product as a `PrepaidPack`.
 *
 * Opening balance: Odoo counts the hours of timesheets linked to the line in `qty_delivered`. What
 * earlier periods drew is that delivered time minus this period's linked time, so
 * `openingBalance = purchased - (delivered - linkedInPeriod)`; with nothing delivered it is the
 * purchase. Linked time of *later* periods is not subtracted (re-planning an old period after
 * newer work was linked understates its balance) until the write half records drawdowns per period.
 */
export function mapPack(line: SaleOrderLine, context: PackContext): Mapped<PrepaidPack> {
  const model = MODELS.saleOrderLine;
  const { product, order } = context;
  const startDate = localDateOfInstant(order.date_order, context.timeZone);
  if (startDate === null)
    return rejected(model, line.id, 'order_id.date_order', `not a datetime: ${order.date_order}`);
  const hoursPerUom = hoursPerTimeUom(line.product_uom_id?.name ?? null);
  const purchased = packPurchasedMinutes(product, line.product_uom_qty, hoursPerUom);
  if (purchased <= 0)
    return rejected(model, line.id, 'product_uom_qty', 'a pack must sell a positive quantity');
  const delivered = packPurchasedMinutes(product, line.qty_delivered, hoursPerUom);
  const drawnEarlier = Math.max(0, delivered - context.linkedInPeriod);
  return mapped({
    id: packId(line.id),
    customerId: context.customerId,
    name: `${product.productCode} (${order.name})`,
    purchased,
    openingBalance: minutes(purchased - drawnEarlier),
    startDate,
    expiresOn: packExpiry(startDate, product.expiryMonths),
  });
}
