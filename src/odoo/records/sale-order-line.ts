/** sale.order.line, mainly prepaid-hour lines (odoo-rpc.md §4.4); 19's renames normalised. */
import { z } from 'zod';
import { presentFields, type FieldProfile } from '../profiles/field-profile';
import { MODELS } from '../models';
import {
  absentAsNull,
  datetime,
  many2one,
  optionalSelection,
  requiredMany2one,
  x2many,
} from './odoo-values';

export const SaleOrderLineSchema = z.object({
  id: z.number().int().positive(),
  order_id: requiredMany2one,
  order_partner_id: absentAsNull(many2one),
  product_id: many2one,
  name: z.string(),
  product_uom_qty: z.number(),
  qty_delivered: z.number(),
  qty_invoiced: z.number(),
  remaining_hours: absentAsNull(z.number()),
  /** `product_uom` before 19. */
  product_uom_id: absentAsNull(many2one),
  /** `tax_id` before 19. */
  tax_ids: x2many,
  price_unit: z.number(),
  discount: z.number(),
  state: z.enum(['draft', 'sent', 'sale', 'done', 'cancel']),
  display_type: absentAsNull(optionalSelection(['line_section', 'line_note', 'line_subsection'])),
  write_date: datetime,
});

export type SaleOrderLine = z.infer<typeof SaleOrderLineSchema>;

const WANTED = [
  'order_id',
  'order_partner_id',
  'product_id',
  'name',
  'product_uom_qty',
  'qty_delivered',
  'qty_invoiced',
  'remaining_hours',
  'price_unit',
  'discount',
  'state',
  'display_type',
  'write_date',
] as const;

/** Version-specific names → the schema's names. */
export function saleOrderLineRenames(profile: FieldProfile): Record<string, string> {
  const renames: Record<string, string> = {};
  if (profile.saleLineUomField === 'product_uom') renames['product_uom'] = 'product_uom_id';
  if (profile.saleLineTaxField === 'tax_id') renames['tax_id'] = 'tax_ids';
  return renames;
}

/** The fields to ask for on this database. */
export function saleOrderLineFields(profile: FieldProfile): string[] {
  return presentFields(profile, MODELS.saleOrderLine, [
    ...WANTED,
    profile.saleLineUomField,
    profile.saleLineTaxField,
  ]);
}
