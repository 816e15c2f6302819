import type { Minutes } from '../../domain/types';
import { MINUTES_PER_HOUR } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { PackSaleLine } from '../read/read-packs';
import { QUANTITY_DECIMALS } from './desired-invoice';
import type { GroupWrite } from './write-plan';

/**
 * `qty_delivered` of each pack's sale line set to the hours Tally drew from it, so Odoo's
 * delivered and remaining hours show the same balance as the invoices. The value is absolute
 * (never an increment): writing it twice is the same as writing it once.
 */
export function planPackDeliveries(
  saleLines: readonly PackSaleLine[],
  drawnMinutes: (packId: string) => Minutes,
): GroupWrite[] {
  const writes: GroupWrite[] = [];
  const factor = 10 ** QUANTITY_DECIMALS;
  for (const line of saleLines) {
    const hours = drawnMinutes(String(line.id)) / MINUTES_PER_HOUR;
    const quantity = Math.round((hours / line.hoursPerUom) * factor) / factor;
    if (Math.abs(quantity - line.qtyDelivered) < 0.5 / factor) continue;
    writes.push({
      model: MODELS.saleOrderLine,
      ids: [line.id],
      values: { qty_delivered: quantity },
    });
  }
  return writes;
}
