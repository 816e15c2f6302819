import { where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import type { AnalyticLine } from '../../odoo/records/analytic-line';
import type { ParsedRecords } from '../../odoo/records/parse-records';
import type { SyncProblem } from '../map/mapped';
import { readByIdsParsed, searchAllParsed, type OdooReader } from './odoo-reader';
import { timesheetSpec } from './read-work';

/** One timesheet line by id, with Tally's marks; `null` when Odoo has no such line. */
export async function readTimesheet(
  reader: OdooReader,
  profile: FieldProfile,
  id: number,
): Promise<{ line: AnalyticLine | null; problems: SyncProblem[] }> {
  const parsed = await readByIdsParsed(reader, timesheetSpec(profile), [id]);
  return { line: parsed.records[0] ?? null, problems: parsed.problems };
}

/** Every timesheet line of one ticket, all dates and companies. */
export function readTicketTimesheets(
  reader: OdooReader,
  profile: FieldProfile,
  ticketId: number,
): Promise<ParsedRecords<AnalyticLine>> {
  return searchAllParsed(
    reader,
    timesheetSpec(profile),
    where(profile.timesheetTicketField, '=', ticketId),
  );
}

/**
 * Ids of the tickets whose reference (OCA `number` "HT00028", Enterprise `ticket_ref`) is exactly
 * `reference`; Odoo does not make references unique, so there may be several.
 */
export function findTicketIdsByReference(
  reader: OdooReader,
  profile: FieldProfile,
  reference: string,
): Promise<number[]> {
  return reader
    .model(MODELS.helpdeskTicket)
    .search(where(profile.ticketReferenceField, '=', reference), { order: 'id asc' });
}
