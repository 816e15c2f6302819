import type { FieldProfile } from './field-profile';

/** OCA `helpdesk_mgmt` + `helpdesk_mgmt_timesheet` (16.0-17.0 verified, odoo-verified.md). */
export const OCA_HELPDESK_FIELDS = {
  edition: 'oca',
  ticketReferenceField: 'number',
  ticketTypeField: 'type_id',
  teamModel: 'helpdesk.ticket.team',
  teamLeaderField: 'user_id',
  timesheetTicketField: 'ticket_id',
} as const satisfies Partial<FieldProfile>;
