/**
 * Field names that differ between Odoo versions and helpdesk editions (odoo-rpc.md §4.1, §4.8,
 * odoo-verified.md "Odoo 19: field changes"). Chosen by `fields_get` detection, not by version
 * number: Odoo Online's saas releases carry renames before the next major.
 */
export type HelpdeskEdition = 'oca' | 'enterprise';

export interface FieldProfile {
  readonly edition: HelpdeskEdition;
  /** Ticket reference: OCA `number` ("HT00028"), Enterprise `ticket_ref`. */
  readonly ticketReferenceField: 'number' | 'ticket_ref';
  /** Ticket type: OCA `helpdesk_type` `type_id`, Enterprise 16/17 `ticket_type_id`, none otherwise. */
  readonly ticketTypeField: 'type_id' | 'ticket_type_id' | null;
  /** Ticket team model: OCA `helpdesk.ticket.team`, Enterprise `helpdesk.team`. */
  readonly teamModel: 'helpdesk.ticket.team' | 'helpdesk.team';
  /** The team's leader: OCA `user_id` ("Team Leader", real 16-18); Enterprise teams have none. */
  readonly teamLeaderField: 'user_id' | null;
  /** Link from a timesheet to its ticket: OCA `ticket_id`, Enterprise `helpdesk_ticket_id`. */
  readonly timesheetTicketField: 'ticket_id' | 'helpdesk_ticket_id';
  /** sale.order.line unit: `product_uom` (16-18), `product_uom_id` (19). */
  readonly saleLineUomField: 'product_uom' | 'product_uom_id';
  /** sale.order.line taxes: `tax_id` (16-18), `tax_ids` (19). */
  readonly saleLineTaxField: 'tax_id' | 'tax_ids';
  /** project.project analytic account: `analytic_account_id` (16-17), `account_id` (18+). */
  readonly projectAnalyticField: 'analytic_account_id' | 'account_id';
  /** Fields present per model, from `fields_get`, so reads never ask for a missing field. */
  readonly fieldsByModel: Readonly<Record<string, readonly string[]>>;
}

/** The subset of `wanted` this database has on `model`, in `wanted`'s order. */
export function presentFields(
  profile: FieldProfile,
  model: string,
  wanted: readonly string[],
): string[] {
  const present = new Set(profile.fieldsByModel[model] ?? []);
  return wanted.filter((field) => field === 'id' || present.has(field));
}

/** Ticket tags: OCA `helpdesk.ticket.tag`, Enterprise `helpdesk.tag` (odoo-rpc.md §4.1). */
export function ticketTagModel(profile: FieldProfile): 'helpdesk.ticket.tag' | 'helpdesk.tag' {
  return profile.edition === 'oca' ? 'helpdesk.ticket.tag' : 'helpdesk.tag';
}
