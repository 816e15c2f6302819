import { z } from 'zod';
import { periodOfDate } from '../../domain/periods';
import type { LocalDate, Period } from '../../domain/types';
import { and, or, where, type OdooFilter } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { datetime } from '../../odoo/records/odoo-values';
import { compareCursors, type Cursor } from '../cursor-store';
import { searchAllParsed, type OdooReader } from '../read/odoo-reader';
import { customerTimesheetsFilter, timesheetSpec } from '../read/read-work';
import { reclassifiedTickets, standingOf, ticketFactsOf } from './stamped-changes';

/**
 * How far back each incremental read reaches before the cursor: a transaction that started before
 * the last run and committed after it carries an older write_date than records already seen.
 */
export const OVERLAP_SECONDS = 300;

const ChangedRecordSchema = z.object({ id: z.number().int().positive(), write_date: datetime });

export interface WindowChanges {
  /** Periods of timesheets that changed since they were billed, with how many changed in each. */
  readonly periods: ReadonlyMap<Period, number>;
  /** Tickets of those timesheets, and tickets reclassified since their time was billed. */
  readonly tickets: ReadonlySet<number>;
  /** Whether a ticket was reclassified (its earlier months then need their corrections). */
  readonly reclassified: boolean;
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

  const periods = new Map<Period, number>();
  const tickets = new Set<number>();
  let newest = cursors.timesheets;
  for (const line of lines.records) {
    const seen = { writeDate: line.write_date, id: line.id };
    if (compareCursors(seen, newest) > 0) newest = seen;
    if (standingOf(line, facts, 'changed') !== 'changed') continue;
    const period = periodOfDate(line.date as LocalDate);
    periods.set(period, (periods.get(period) ?? 0) + 1);
    if (line.ticket_id !== null) tickets.add(line.ticket_id.id);
  }
  let newestTicket = cursors.tickets;
  for (const ticket of touchedTickets.records) {
    const seen = { writeDate: ticket.write_date, id: ticket.id };
    if (compareCursors(seen, newestTicket) > 0) newestTicket = seen;
  }
  const reclassified = await reclassifiedTickets(reader, profile, facts, touchedIds);
  for (const id of reclassified) tickets.add(id);
  return {
    periods,
    tickets,
    reclassified: reclassified.length > 0,
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
