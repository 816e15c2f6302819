/** Tally's own draft invoices and their keyed lines, as the writer reads them back. */
import { z } from 'zod';
import { datetime, many2one, optionalDate, optionalText, x2many } from './odoo-values';
import { MOVE_STATES } from './account-move';

export const TallyMoveSchema = z.object({
  id: z.number().int().positive(),
  name: optionalText,
  state: z.enum(MOVE_STATES),
  partner_id: many2one,
  x_tally_key: z.string().min(1),
  invoice_date: optionalDate,
  /** All its invoice lines, Tally's and any added by hand. */
  invoice_line_ids: x2many,
  /** The customer's time of the period that no line charges (held, or already paid). */
  x_tally_timesheet_ids: x2many,
  /** Timesheets whose `timesheet_invoice_id` is this invoice; read only with sale_timesheet. */
  timesheet_ids: x2many.optional(),
  write_date: datetime,
});

export type TallyMove = z.infer<typeof TallyMoveSchema>;

export const TALLY_MOVE_FIELDS = Object.keys(TallyMoveSchema.shape).filter(
  (f) => f !== 'id' && f !== 'timesheet_ids',
);

export const TallyMoveLineSchema = z.object({
  id: z.number().int().positive(),
  move_id: z.tuple([z.number().int().positive(), z.string()]).transform((value) => value[0]),
  /** Lines finance added by hand have no key; Tally leaves them alone. */
  x_tally_key: optionalText,
  display_type: optionalText,
  name: optionalText,
  sequence: z.number().int(),
  product_id: many2one,
  quantity: z.number(),
  price_unit: z.number(),
  discount: z.number(),
  x_tally_timesheet_ids: x2many,
  /** The ticket the line bills; null on fee lines (and on lines written before the field). */
  x_tally_ticket_id: many2one,
});

export type TallyMoveLine = z.infer<typeof TallyMoveLineSchema>;

export const TALLY_MOVE_LINE_FIELDS = Object.keys(TallyMoveLineSchema.shape).filter(
  (f) => f !== 'id',
);
