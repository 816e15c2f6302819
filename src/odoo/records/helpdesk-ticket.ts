/** helpdesk.ticket as Tally reads it, normalised across OCA and Enterprise (odoo-rpc.md §4.1). */
import { z } from 'zod';
import { presentFields, type FieldProfile } from '../profiles/field-profile';
import { MODELS } from '../models';
import { absentAsNull, datetime, many2one, optionalText, x2many } from './odoo-values';

export const HelpdeskTicketSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** HTML; required by Odoo, but a reader without access may see `false`. */
  description: absentAsNull(optionalText),
  user_id: absentAsNull(many2one),
  /** OCA `number` or Enterprise `ticket_ref`. */
  reference: absentAsNull(optionalText),
  partner_id: many2one,
  commercial_partner_id: absentAsNull(many2one),
  company_id: many2one,
  team_id: many2one,
  stage_id: many2one,
  category_id: absentAsNull(many2one),
  /** OCA `type_id` or Enterprise 16/17 `ticket_type_id`. */
  type_id: absentAsNull(many2one),
  tag_ids: x2many,
  project_id: absentAsNull(many2one),
  create_date: datetime,
  write_date: datetime,
});

export type HelpdeskTicket = z.infer<typeof HelpdeskTicketSchema>;

const WANTED = [
  'name',
  'description',
  'user_id',
  'partner_id',
  'commercial_partner_id',
  'company_id',
  'team_id',
  'stage_id',
  'category_id',
  'tag_ids',
  'project_id',
  'create_date',
  'write_date',
] as const;

/** Edition-specific names → the schema's names. */
export function helpdeskTicketRenames(profile: FieldProfile): Record<string, string> {
  const renames: Record<string, string> = { [profile.ticketReferenceField]: 'reference' };
  if (profile.ticketTypeField !== null) renames[profile.ticketTypeField] = 'type_id';
  return renames;
}

/** The fields to ask for on this database. */
export function helpdeskTicketFields(profile: FieldProfile): string[] {
  const typeField = profile.ticketTypeField === null ? [] : [profile.ticketTypeField];
  return presentFields(profile, MODELS.helpdeskTicket, [
    ...WANTED,
    profile.ticketReferenceField,
    ...typeField,
  ]);
}
