/**
 * sale.order as an agreement: a confirmed order (or Enterprise subscription) selling a tier product.
 * Subscription fields exist only with sale_subscription (odoo-rpc.md §4.6): `end_date` on 17+.
 */
import { z } from 'zod';
import {
  absentAsNull,
  datetime,
  optionalDate,
  optionalText,
  requiredMany2one,
} from './odoo-values';

export const AgreementOrderSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** UTC datetime; the agreement starts on its calendar day in the company zone. */
  date_order: datetime,
  partner_id: requiredMany2one,
  state: z.enum(['draft', 'sent', 'sale', 'done', 'cancel']),
  is_subscription: absentAsNull(z.boolean()),
  start_date: absentAsNull(optionalDate),
  end_date: absentAsNull(optionalDate),
  /** 17+: `1_draft` ... `6_churn`, `7_upsell`. */
  subscription_state: absentAsNull(optionalText),
});

export type AgreementOrder = z.infer<typeof AgreementOrderSchema>;

const WANTED = Object.keys(AgreementOrderSchema.shape).filter((field) => field !== 'id');

/** The fields to ask for, given the fields sale.order has on this database. */
export function agreementOrderFields(present: readonly string[]): string[] {
  const have = new Set(present);
  return WANTED.filter((field) => have.has(field));
}
