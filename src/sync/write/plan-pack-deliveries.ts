import type { Minutes } from '../../domain/types';
import { MINUTES_PER_HOUR } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { PackSaleLine } from '../read/read-packs';
import { QUANTITY_DECIMALS } from './desired-invoice';
import type { GroupWrite } from './write-plan';

/** What a pack's sale line shows as delivered now, and what it should show. */
export interface PackDelivery {
  readonly saleLineId: number;
  readonly current: number;
  readonly wanted: number;
}

/**
 * `qty_delivered` each pack's sale line should show: the hours Tally drew from it, so Odoo's
 * delivered and remaining hours show the same balance as the invoices. The value is absolute
 * (never an increment): writing it twice is the same as writing it once.
 */
export function packDeliveries(
  saleLines: readonly PackSaleLine[],
  drawnMinutes: (packId: string) => Minutes,
): PackDelivery[] {
  const factor = 10 ** QUANTITY_DECIMALS;
  return saleLines.map((line) => {
    const hours = drawnMinutes(String(line.id)) / MINUTES_PER_HOUR;
    return {
      saleLineId: line.id,
      current: line.qtyDelivered,
      wanted: Math.round((hours / line.hoursPerUom) * factor) / factor,
    };
  });
}

/** One write per sale line whose delivered quantity is not already what it should be. */
export function deliveryWrites(deliveries: Iterable<PackDelivery>): GroupWrite[] {
  const tolerance = 0.5 / 10 ** QUANTITY_DECIMALS;
  const writes: GroupWrite[] = [];
  for (const delivery of deliveries) {
    if (Math.abs(delivery.wanted - delivery.current) < tolerance) continue;
    writes.push({
      model: MODELS.saleOrderLine,
      ids: [delivery.saleLineId],
      values: { qty_delivered: delivery.wanted },
    });
  }
  return writes;
}
