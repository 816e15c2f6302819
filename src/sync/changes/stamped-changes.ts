import type { TicketFacts } from '../../domain/facts';
import { periodOfDate } from '../../domain/periods';
import type { LocalDate, Period } from '../../domain/types';
import { ticketPartOf, ticketStamp, workStamp } from '../../domain/work-stamp';
import { where } from '../../odoo/filter';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { z } from 'zod';
import { MODELS } from '../../odoo/models';
import { analyticLineRenames, type AnalyticLine } from '../../odoo/records/analytic-line';
import { absentAsNull, many2one, optionalText } from '../../odoo/records/odoo-values';
import { mapTimesheet } from '../map/map-timesheet';
import { readByIdsParsed, searchByIdsParsed, type OdooReader } from '../read/odoo-reader';
import { PartnerDirectory } from '../read/partner-directory';
import { readTickets } from '../read/read-work';

/** A billed line as the reclassification check reads it: its ticket and its stamp. */
const StampedLineSchema = z.object({
  id: z.number().int().positive(),
  ticket_id: absentAsNull(many2one),
  x_tally_stamp: absentAsNull(optionalText),
});

/**
 * How a timesheet line stands against the stamp Tally left on it when it last billed it:
 * - `billed`: the stamp matches the line and its ticket as they are now;
 * - `changed`: hours, date, description or ticket differ from what was billed, or the line
 *   was never billed (a late line) and is not legacy;
 * - `legacy`: marked by a Tally older than stamps, so what it was billed from is unknown.
 */
export type LineStanding = 'billed' | 'changed' | 'legacy';

/** The tickets the lines name (and any others asked for), as facts, in batched reads. */
export async function ticketFactsOf(
  reader: OdooReader,
  profile: FieldProfile,
  lines: readonly AnalyticLine[],
  alsoTicketIds: readonly number[] = [],
): Promise<Map<number, TicketFacts>> {
  const ids = [...lines.flatMap((line) => line.ticket_id?.id ?? []), ...alsoTicketIds];
  if (ids.length === 0) return new Map();
  const read = await readTickets(reader, profile, ids, new PartnerDirectory(reader));
  return new Map(read.tickets.map((ticket) => [Number(ticket.id), ticket]));
}

/** The standing of one line; `unmarkedIs` decides a line marked by a Tally older than stamps. */
export function standingOf(
  line: AnalyticLine,
  tickets: ReadonlyMap<number, TicketFacts>,
  unmarkedIs: 'changed' | 'legacy',
): LineStanding {
  // Never marked: a line logged late, or one a correction stamped before its own month (posted)
  // was planned again to mark it. Its month is planned so staff see how it was classified.
  if (line.x_tally_coverage == null) return 'changed';
  const stored = line.x_tally_stamp ?? null;
  if (stored === null) return unmarkedIs;
  const work = mapTimesheet(line);
  const ticket = line.ticket_id === null ? undefined : tickets.get(line.ticket_id.id);
  if (!work.ok || ticket === undefined) return 'changed';
  return workStamp(work.value, ticket) === stored ? 'billed' : 'changed';
}

/**
 * Tickets whose classification inputs (customer, category, type, tags, team, title, text)
 * differ from those their billed lines were stamped with. Tally's own review notes change a
 * ticket's write_date, not these, so they are not changes.
 */
export async function reclassifiedTickets(
  reader: OdooReader,
  profile: FieldProfile,
  tickets: ReadonlyMap<number, TicketFacts>,
  ticketIds: readonly number[],
): Promise<number[]> {
  if (ticketIds.length === 0) return [];
  const billed = await searchByIdsParsed(
    reader,
    {
      model: MODELS.analyticLine,
      schema: StampedLineSchema,
      fields: [profile.timesheetTicketField, 'x_tally_stamp'],
      renames: analyticLineRenames(profile),
    },
    profile.timesheetTicketField,
    ticketIds,
    where('x_tally_coverage', '!=', false),
  );
  const changed = new Set<number>();
  for (const line of billed.records) {
    const id = line.ticket_id?.id;
    if (id === undefined || changed.has(id)) continue;
    const ticket = tickets.get(id);
    const part = ticketPartOf(line.x_tally_stamp ?? null);
    if (ticket === undefined || part === null || part !== ticketStamp(ticket)) changed.add(id);
  }
  return [...changed].sort((a, b) => a - b);
}

const BilledLineSchema = z.object({
  id: z.number().int().positive(),
  x_tally_ticket_id: absentAsNull(many2one),
});

/**
 * The ticket each of these timesheets was billed under, by timesheet id, read from the invoice
 * line carrying it. A timesheet moved to another ticket after its month was invoiced names only
 * its new ticket; the one billed for it must be planned too, so its charge is corrected.
 */
export async function billedTicketsOf(
  reader: OdooReader,
  lines: readonly AnalyticLine[],
): Promise<Map<number, number>> {
  const carried = lines.flatMap((line) =>
    line.x_tally_invoice_line_id === null ? [] : [[line.id, line.x_tally_invoice_line_id.id]],
  );
  const billed = new Map<number, number>();
  if (carried.length === 0) return billed;
  const read = await readByIdsParsed(
    reader,
    { model: MODELS.accountMoveLine, schema: BilledLineSchema, fields: ['x_tally_ticket_id'] },
    carried.map(([, invoiceLine]) => invoiceLine as number),
  );
  const ticketOf = new Map(read.records.map((line) => [line.id, line.x_tally_ticket_id?.id]));
  for (const [timesheet, invoiceLine] of carried) {
    const ticket = ticketOf.get(invoiceLine as number);
    if (ticket !== undefined) billed.set(timesheet as number, ticket);
  }
  return billed;
}

/** The changes found, month by month: how many timesheets changed and the tickets to plan. */
export class ChangedMonths {
  readonly lines = new Map<Period, number>();
  readonly tickets = new Map<Period, Set<number>>();

  /** A changed timesheet of `period`, on `ticketIds` (its ticket now, and the one billed). */
  add(period: Period, ticketIds: readonly (number | undefined)[]): void {
    this.lines.set(period, (this.lines.get(period) ?? 0) + 1);
    const tickets = this.tickets.get(period) ?? new Set<number>();
    for (const id of ticketIds) if (id !== undefined) tickets.add(id);
    this.tickets.set(period, tickets);
  }

  /** Every changed line's month and tickets, with the tickets each was billed under. */
  static async of(reader: OdooReader, changed: readonly AnalyticLine[]): Promise<ChangedMonths> {
    const billed = await billedTicketsOf(reader, changed);
    const months = new ChangedMonths();
    for (const line of changed)
      months.add(periodOfDate(line.date as LocalDate), [line.ticket_id?.id, billed.get(line.id)]);
    return months;
  }
}
