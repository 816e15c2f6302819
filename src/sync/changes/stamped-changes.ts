import type { TicketFacts } from '../../domain/facts';
import { ticketPartOf, ticketStamp, workStamp } from '../../domain/work-stamp';
import { where } from '../../odoo/filter';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { z } from 'zod';
import { MODELS } from '../../odoo/models';
import { analyticLineRenames, type AnalyticLine } from '../../odoo/records/analytic-line';
import { absentAsNull, many2one, optionalText } from '../../odoo/records/odoo-values';
import { mapTimesheet } from '../map/map-timesheet';
import { searchByIdsParsed, type OdooReader } from '../read/odoo-reader';
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

/** The standing of one line; `unmarkedIs` decides a line Tally never marked. */
export function standingOf(
  line: AnalyticLine,
  tickets: ReadonlyMap<number, TicketFacts>,
  unmarkedIs: 'changed' | 'legacy',
): LineStanding {
  const stored = line.x_tally_stamp ?? null;
  if (stored === null) return line.x_tally_coverage == null ? 'changed' : unmarkedIs;
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
