/** account.analytic.line (timesheets) as Tally reads them (odoo-rpc.md §4.2, odoo-verified.md). */
import { z } from 'zod';
import { presentFields, type FieldProfile } from '../profiles/field-profile';
import { MODELS } from '../models';
import {
  absentAsNull,
  date,
  datetime,
  many2one,
  optionalSelection,
  optionalText,
} from './odoo-values';

export const TIMESHEET_INVOICE_TYPES = [
  'billable_time',
  'billable_fixed',
  'billable_milestones',
  'billable_manual',
  'non_billable',
  'timesheet_revenues',
  'service_revenues',
  'other_revenues',
  'other_costs',
] as const;

export const AnalyticLineSchema = z.object({
  id: z.number().int().positive(),
  date,
  name: optionalText,
  /** Hours as Odoo's float; converted to integer minutes once, in sync/map. */
  unit_amount: z.number(),
  project_id: many2one,
  task_id: absentAsNull(many2one),
  employee_id: absentAsNull(many2one),
  user_id: absentAsNull(many2one),
  partner_id: absentAsNull(many2one),
  company_id: many2one,
  /** OCA `ticket_id` or Enterprise `helpdesk_ticket_id`. */
  ticket_id: absentAsNull(many2one),
  ticket_partner_id: absentAsNull(many2one),
  so_line: absentAsNull(many2one),
  timesheet_invoice_id: absentAsNull(many2one),
  timesheet_invoice_type: absentAsNull(optionalSelection(TIMESHEET_INVOICE_TYPES)),
  /** Tally's marks (src/odoo/tally-fields.ts), absent until `tally setup` created them. */
  x_tally_category: absentAsNull(optionalText),
  x_tally_coverage: absentAsNull(optionalText),
  x_tally_reason: absentAsNull(optionalText),
  x_tally_invoice_line_id: absentAsNull(many2one),
  x_tally_stamp: absentAsNull(optionalText),
  write_date: datetime,
});

export type AnalyticLine = z.infer<typeof AnalyticLineSchema>;

const WANTED = [
  'date',
  'name',
  'unit_amount',
  'project_id',
  'task_id',
  'employee_id',
  'user_id',
  'partner_id',
  'company_id',
  'ticket_partner_id',
  'so_line',
  'timesheet_invoice_id',
  'timesheet_invoice_type',
  'x_tally_category',
  'x_tally_coverage',
  'x_tally_reason',
  'x_tally_invoice_line_id',
  'x_tally_stamp',
  'write_date',
] as const;

/** Edition-specific names → the schema's names. */
export function analyticLineRenames(profile: FieldProfile): Record<string, string> {
  return profile.timesheetTicketField === 'ticket_id'
    ? {}
    : { [profile.timesheetTicketField]: 'ticket_id' };
}

/** The fields to ask for on this database. */
export function analyticLineFields(profile: FieldProfile): string[] {
  return presentFields(profile, MODELS.analyticLine, [...WANTED, profile.timesheetTicketField]);
}
