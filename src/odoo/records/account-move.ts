/** account.move (draft customer invoices) as Tally reads them (odoo-rpc.md §4.3). */
import { z } from 'zod';
import {
  absentAsNull,
  date,
  datetime,
  many2one,
  optionalDate,
  optionalText,
  x2many,
} from './odoo-values';

export const MOVE_TYPES = [
  'entry',
  'out_invoice',
  'out_refund',
  'in_invoice',
  'in_refund',
  'out_receipt',
  'in_receipt',
] as const;
export const MOVE_STATES = ['draft', 'posted', 'cancel'] as const;

export const AccountMoveSchema = z.object({
  id: z.number().int().positive(),
  /** A draft without an invoice date has no number yet (`false`). */
  name: optionalText,
  move_type: z.enum(MOVE_TYPES),
  state: z.enum(MOVE_STATES),
  partner_id: many2one,
  company_id: absentAsNull(many2one),
  currency_id: many2one,
  date,
  invoice_date: optionalDate,
  ref: optionalText,
  invoice_origin: optionalText,
  narration: absentAsNull(optionalText),
  amount_untaxed: z.number(),
  amount_total: z.number(),
  invoice_line_ids: x2many,
  write_date: datetime,
});

export type AccountMove = z.infer<typeof AccountMoveSchema>;

export const ACCOUNT_MOVE_FIELDS = Object.keys(AccountMoveSchema.shape).filter(
  (field) => field !== 'id',
);
