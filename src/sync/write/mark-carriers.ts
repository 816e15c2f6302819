import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import type { AnalyticLine } from '../../odoo/records/analytic-line';
import type { MarkCarriers } from './plan-timesheet-marks';

/** The ticket o2m to its timesheets, in both helpdesk editions. */
const TICKET_TIMESHEETS = 'timesheet_ids';

/** The tickets that can carry these timesheets' marks; null when tickets have no such o2m. */
export function markCarriers(
  profile: FieldProfile,
  timesheets: readonly AnalyticLine[],
): MarkCarriers | null {
  if (!(profile.fieldsByModel[MODELS.helpdeskTicket] ?? []).includes(TICKET_TIMESHEETS))
    return null;
  const ticketOf = new Map<number, number>();
  for (const line of timesheets)
    if (line.ticket_id !== null) ticketOf.set(line.id, line.ticket_id.id);
  return { ticketField: TICKET_TIMESHEETS, ticketOf };
}
