import { z } from 'zod';
import { periodBounds, periodOfDate } from '../../domain/periods';
import { hoursToMinutes } from '../../domain/time-units';
import type { LocalDate, Minutes, Period } from '../../domain/types';
import { minutes } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { date, many2one } from '../../odoo/records/odoo-values';
import type { PackSaleLine } from './read-packs';
import { searchByIdsParsed, type OdooReader } from './odoo-reader';

const LinkedLineSchema = z.object({
  id: z.number().int().positive(),
  date,
  unit_amount: z.number(),
  so_line: many2one,
});

/**
 * Prepaid hours used the Odoo way before Tally invoiced them: timesheets linked to a pack's sale
 * line (`so_line`, which Tally itself never sets), dated before `period` in months that have no
 * Tally invoice for the customer. Per pack id, in minutes.
 */
export async function readPreTallyUse(
  reader: OdooReader,
  saleLines: readonly (PackSaleLine & { customerId: string })[],
  period: Period,
  invoicedPeriods: ReadonlySet<string>,
): Promise<Map<string, Minutes>> {
  const use = new Map<string, Minutes>();
  if (saleLines.length === 0) return use;
  const customerOf = new Map(saleLines.map((line) => [line.id, line.customerId]));
  const linked = await searchByIdsParsed(
    reader,
    {
      model: MODELS.analyticLine,
      schema: LinkedLineSchema,
      fields: ['date', 'unit_amount', 'so_line'],
    },
    'so_line',
    saleLines.map((line) => line.id),
    and(where('date', '<', periodBounds(period).first)),
  );
  for (const line of linked.records) {
    if (line.so_line === null) continue;
    const customer = customerOf.get(line.so_line.id);
    if (invoicedPeriods.has(`${customer}:${periodOfDate(line.date as LocalDate)}`)) continue;
    const key = String(line.so_line.id);
    use.set(key, minutes((use.get(key) ?? 0) + hoursToMinutes(line.unit_amount, 'nearest_minute')));
  }
  return use;
}
