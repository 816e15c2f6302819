import type { FieldProfile } from './field-profile';

/** Odoo Enterprise `helpdesk` + `helpdesk_timesheet` (odoo-rpc.md §4.1; types removed in 18). */
export const ENTERPRISE_HELPDESK_FIELDS = {
  edition: 'enterprise',
  ticketReferenceField: 'ticket_ref',
  ticketTypeField: 'ticket_type_id',
  teamModel: 'helpdesk.team',
  teamLeaderField: null,
  timesheetTicketField: 'helpdesk_ticket_id',
} as const satisfies Partial<FieldProfile>;
