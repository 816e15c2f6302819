import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { MODELS } from '../../odoo/models';

/**
 * Model names the period reader needs beyond `odoo/models.ts` (proposed additions to MODELS),
 * verbatim as Odoo names them.
 */
export const EXTRA_MODELS = {
  users: MODELS.users,
  company: 'res.company',
  partnerTag: 'res.partner.category',
} as const;

/** Ticket tags: OCA `helpdesk.ticket.tag`, Enterprise `helpdesk.tag` (odoo-rpc.md §4.1). */
export function ticketTagModel(profile: FieldProfile): string {
  return profile.edition === 'oca' ? 'helpdesk.ticket.tag' : 'helpdesk.tag';
}
