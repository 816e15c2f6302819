import { z } from 'zod';
import { and, or, where, type OdooFilter } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { datetime } from '../../odoo/records/odoo-values';
import { compareCursors, type Cursor } from '../cursor-store';
import { searchAllParsed, type OdooReader } from '../read/odoo-reader';
import { customerTimesheetsFilter, timesheetSpec } from '../read/read-work';
import type { AnalyticLine } from '../../odoo/records/analytic-line';
import { ChangedMonths, reclassifiedTickets, standingOf, ticketFactsOf } from './stamped-changes';

/**
 * How far back each incremental read reaches before the cursor: a transaction that started before
 * the last run and committed after it carries an older write_date than records already seen.
 */
export const OVERLAP_SECONDS = 300;

const ChangedRecordSchema = z.object({ id: z.number().int().positive(), write_date: datetime });

export interface WindowChanges {
  /** Timesheets that changed since they were billed, month by month, with their tickets. */
  readonly months: ChangedMonths;
  /** Tickets whose billed time was classified from other ticket values than they have now. */
  readonly reclassified: readonly number[];
  /** The newest timesheet and ticket seen: where the next run starts. */
  readonly newest: Cursor;
  readonly newestTicket: Cursor;
}

/**
 * The changes since the cursors. Records written since the cursor (minus the overlap) are only
 * candidates: a timesheet counts as changed when it no longer matches the stamp Tally left on it,
 * a ticket when its billed lines were stamped with other classification inputs. Tally's own marks
 * and review notes move write_date but match their stamps, so a run after a quiet hour re-plans
 * nothing the last run already billed.
 */
export async function windowChanges(
  reader: OdooReader,
  profile: FieldProfile,
  cursors: { readonly timesheets: Cursor; readonly tickets: Cursor },
  customerId: number | undefined,
): Promise<WindowChanges> {
  const lines = await searchAllParsed(
    reader,
    timesheetSpec(profile),
    and(
      where(profile.timesheetTicketField, '!=', false),
      where('write_date', '>=', shiftBack(cursors.timesheets.writeDate, OVERLAP_SECONDS)),
      ...(customerId === undefined ? [] : [changedForCustomer(profile, customerId)]),
    ),
  );
  // Ticket changes stay unfiltered by customer: a ticket that changed customer no longer names
  // the one whose draft must drop it.
  const touchedTickets = await searchAllParsed(
    reader,
    { model: MODELS.helpdeskTicket, schema: ChangedRecordSchema, fields: ['write_date'] },
    where('write_date', '>=', shiftBack(cursors.tickets.writeDate, OVERLAP_SECONDS)),
  );
  const touchedIds = touchedTickets.records.map((ticket) => ticket.id);
  const facts = await ticketFactsOf(reader, profile, lines.records, touchedIds);

  const changed: AnalyticLine[] = [];
  let newest = cursors.timesheets;
  for (const line of lines.records) {
    const seen = { writeDate: line.write_date, id: line.id };
    if (compareCursors(seen, newest) > 0) newest = seen;
    if (standingOf(line, facts, 'changed') === 'changed') changed.push(line);
  }
  let newestTicket = cursors.tickets;
  for (const ticket of touchedTickets.records) {
    const seen = { writeDate: ticket.write_date, id: ticket.id };
    if (compareCursors(seen, newestTicket) > 0) newestTicket = seen;
  }
  return {
    months: await ChangedMonths.of(reader, changed),
    reclassified: await reclassifiedTickets(reader, profile, facts, touchedIds),
    newest,
    newestTicket,
  };
}

function shiftBack(writeDate: string, seconds: number): string {
  const instant = new Date(`${writeDate.replace(' ', 'T')}Z`).getTime() - seconds * 1000;
  return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A customer's run (a queue job) looks only at timesheets that are its business: those on its
 * tickets now, and those its drafts still account for (moved to another customer's ticket since,
 * they must leave its draft).
 */
function changedForCustomer(profile: FieldProfile, customerId: number): OdooFilter {
  return or(
    customerTimesheetsFilter(profile, customerId),
    where('x_tally_invoice_line_id.move_id.partner_id', '=', customerId),
    where('x_tally_move_id.partner_id', '=', customerId),
  );
}
