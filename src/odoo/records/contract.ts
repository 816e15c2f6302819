/** OCA `contract`: contract.contract and contract.line as Tally reads agreements from them (odoo-rpc.md §4.6). */
import { z } from 'zod';
import {
  absentAsNull,
  many2one,
  optionalDate,
  optionalSelection,
  optionalText,
  requiredMany2one,
} from './odoo-values';

export const ContractSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** The contract's reference, e.g. "C0012". */
  code: optionalText,
  partner_id: requiredMany2one,
  /** Stored related field of partner_id. */
  commercial_partner_id: absentAsNull(many2one),
  contract_type: absentAsNull(optionalSelection(['sale', 'purchase'])),
  date_start: absentAsNull(optionalDate),
  /** Computed from the lines (the latest end when every line has one), writable. */
  date_end: absentAsNull(optionalDate),
  active: absentAsNull(z.boolean()),
});

export type Contract = z.infer<typeof ContractSchema>;

export const CONTRACT_FIELDS = Object.keys(ContractSchema.shape).filter((field) => field !== 'id');

export const RECURRING_RULE_TYPES = [
  'daily',
  'weekly',
  'monthly',
  'monthlylastday',
  'quarterly',
  'semesterly',
  'yearly',
] as const;

export type RecurringRuleType = (typeof RECURRING_RULE_TYPES)[number];

export const ContractLineSchema = z.object({
  id: z.number().int().positive(),
  contract_id: requiredMany2one,
  product_id: many2one,
  name: z.string(),
  date_start: optionalDate,
  date_end: optionalDate,
  /** The specific price, or the pricelist's when `automatic_price` is set; per recurrence. */
  price_unit: z.number(),
  discount: z.number(),
  recurring_rule_type: optionalSelection(RECURRING_RULE_TYPES),
  recurring_interval: z.number().int(),
  is_canceled: z.boolean(),
  display_type: absentAsNull(optionalSelection(['line_section', 'line_note'])),
});

export type ContractLine = z.infer<typeof ContractLineSchema>;

export const CONTRACT_LINE_FIELDS = Object.keys(ContractLineSchema.shape).filter(
  (field) => field !== 'id',
);
