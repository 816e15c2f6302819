/** account.move.line of customer invoices (odoo-rpc.md §4.3; section/note lines read quantity 0). */
import { z } from 'zod';
import {
  absentAsNull,
  datetime,
  many2one,
  optionalText,
  requiredMany2one,
  x2many,
} from './odoo-values';

export const AccountMoveLineSchema = z.object({
  id: z.number().int().positive(),
  move_id: requiredMany2one,
  name: optionalText,
  /** `product`, `line_section`, `line_note`, bookkeeping kinds; 19 adds `line_subsection`. */
  display_type: optionalText,
  product_id: many2one,
  account_id: many2one,
  quantity: z.number(),
  price_unit: z.number(),
  discount: z.number(),
  price_subtotal: z.number(),
  tax_ids: x2many,
  sale_line_ids: absentAsNull(x2many),
  parent_state: absentAsNull(optionalText),
  write_date: datetime,
});

export type AccountMoveLine = z.infer<typeof AccountMoveLineSchema>;

export const ACCOUNT_MOVE_LINE_FIELDS = Object.keys(AccountMoveLineSchema.shape).filter(
  (field) => field !== 'id',
);
