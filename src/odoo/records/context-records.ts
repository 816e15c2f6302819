/** Small records Tally reads for context: users, companies, sale orders, and anything named (tags). */
import { z } from 'zod';
import { datetime, optionalText, requiredMany2one } from './odoo-values';

export const UserSchema = z.object({
  id: z.number().int().positive(),
  /** The user's IANA zone; `false` when unset. */
  tz: optionalText,
  company_id: requiredMany2one,
});
export type User = z.infer<typeof UserSchema>;
export const USER_FIELDS = ['tz', 'company_id'] as const;

export const CompanySchema = z.object({
  id: z.number().int().positive(),
  /** The display name of a res.currency is its ISO code. */
  currency_id: requiredMany2one,
});
export type Company = z.infer<typeof CompanySchema>;
export const COMPANY_FIELDS = ['currency_id'] as const;

export const SaleOrderSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** UTC datetime; the pack starts on its calendar day in the company zone. */
  date_order: datetime,
});
export type SaleOrder = z.infer<typeof SaleOrderSchema>;
export const SALE_ORDER_FIELDS = ['name', 'date_order'] as const;

/** Partner tags, ticket tags: anything Tally only needs the name of. */
export const NamedRecordSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
});
export type NamedRecord = z.infer<typeof NamedRecordSchema>;
export const NAMED_RECORD_FIELDS = ['name'] as const;
