import { hoursToMinutes } from '../../domain/time-units';
import type { WorkLine } from '../../domain/facts';
import { companyId, isLocalDate, ticketId, timesheetId } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { AnalyticLine } from '../../odoo/records/analytic-line';
import { mapped, rejected, type Mapped } from './mapped';

/**
 * A timesheet line as a `WorkLine`. Odoo's `date` is already a calendar day (no zone maths);
 * float hours become whole minutes with the named `nearest_minute` rule.
 */
export function mapTimesheet(line: AnalyticLine): Mapped<WorkLine> {
  const model = MODELS.analyticLine;
  if (line.ticket_id === null)
    return rejected(model, line.id, 'ticket_id', 'the line is not logged on a helpdesk ticket');
  if (!isLocalDate(line.date))
    return rejected(model, line.id, 'date', `not a calendar day: ${line.date}`);
  if (line.company_id === null)
    return rejected(model, line.id, 'company_id', 'the line has no company');
  if (!Number.isFinite(line.unit_amount))
    return rejected(model, line.id, 'unit_amount', 'not a finite number of hours');
  return mapped({
    id: timesheetId(line.id),
    ticketId: ticketId(line.ticket_id.id),
    date: line.date,
    minutes: hoursToMinutes(line.unit_amount, 'nearest_minute'),
    description: line.name ?? '',
    companyId: companyId(line.company_id.id),
  });
}
