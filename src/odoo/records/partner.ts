/** res.partner as Tally reads it: customers are grouped on `commercial_partner_id` (odoo-rpc.md §4.5). */
import { z } from 'zod';
import { absentAsNull, datetime, many2one, optionalText, x2many } from './odoo-values';

export const PartnerSchema = z.object({
  id: z.number().int().positive(),
  name: optionalText,
  display_name: absentAsNull(optionalText),
  is_company: z.boolean(),
  parent_id: many2one,
  commercial_partner_id: many2one,
  /** Null = shared between companies. */
  company_id: absentAsNull(many2one),
  category_id: x2many,
  email: optionalText,
  vat: optionalText,
  lang: optionalText,
  write_date: datetime,
  /** When the partner was made in Odoo: an undated (tag) agreement starts no earlier. */
  create_date: datetime,
});

export type Partner = z.infer<typeof PartnerSchema>;

export const PARTNER_FIELDS = Object.keys(PartnerSchema.shape).filter((field) => field !== 'id');
