import type { TicketFacts } from '../../domain/facts';
import { companyId, customerId, ticketId } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { HelpdeskTicket } from '../../odoo/records/helpdesk-ticket';
import { mapped, rejected, type Mapped } from './mapped';
import { stripHtml } from './strip-html';

/** What a ticket needs from other records, read beforehand in batches. */
export interface TicketLookups {
  /** The commercial partner of a res.partner id, or undefined when that partner was not read. */
  commercialPartnerOf(partnerId: number): number | undefined;
  /** The name of a ticket tag id, or undefined when the tag was not read. */
  tagName(tagId: number): string | undefined;
}

/**
 * A helpdesk ticket as `TicketFacts`. The customer is the commercial partner: the ticket's own
 * `commercial_partner_id` where the database stores it (OCA 18+), else its partner's.
 */
export function mapTicket(ticket: HelpdeskTicket, lookups: TicketLookups): Mapped<TicketFacts> {
  const model = MODELS.helpdeskTicket;
  let customer: number | null = ticket.commercial_partner_id?.id ?? null;
  if (customer === null && ticket.partner_id !== null) {
    const found = lookups.commercialPartnerOf(ticket.partner_id.id);
    if (found === undefined) {
      return rejected(
        model,
        ticket.id,
        'partner_id',
        `the customer (res.partner ${ticket.partner_id.id}) could not be read`,
      );
    }
    customer = found;
  }
  if (ticket.company_id === null)
    return rejected(model, ticket.id, 'company_id', 'the ticket has no company');
  return mapped({
    id: ticketId(ticket.id),
    number: ticket.reference ?? `#${ticket.id}`,
    name: ticket.name,
    description: stripHtml(ticket.description),
    customerId: customer === null ? null : customerId(customer),
    companyId: companyId(ticket.company_id.id),
    categoryName: ticket.category_id?.name ?? null,
    typeName: ticket.type_id?.name ?? null,
    tagNames: ticket.tag_ids.flatMap((id) => {
      const name = lookups.tagName(id);
      return name === undefined ? [] : [name];
    }),
    teamName: ticket.team_id?.name ?? null,
  });
}
