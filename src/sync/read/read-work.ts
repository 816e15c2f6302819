import type { TicketFacts, WorkLine } from '../../domain/facts';
import type { LocalDate } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import {
  AnalyticLineSchema,
  analyticLineFields,
  analyticLineRenames,
  type AnalyticLine,
} from '../../odoo/records/analytic-line';
import {
  HelpdeskTicketSchema,
  helpdeskTicketFields,
  helpdeskTicketRenames,
  type HelpdeskTicket,
} from '../../odoo/records/helpdesk-ticket';
import type { SyncProblem } from '../map/mapped';
import { mapTicket } from '../map/map-ticket';
import { mapTimesheet } from '../map/map-timesheet';
import { ticketTagModel } from '../../odoo/profiles/field-profile';
import {
  readByIdsParsed,
  searchAllParsed,
  searchByIdsParsed,
  type OdooReader,
  type ReadSpec,
} from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';
import { readNames } from './read-names';

/** How timesheet lines are read on this database. */
export function timesheetSpec(profile: FieldProfile): ReadSpec<AnalyticLine> {
  return {
    model: MODELS.analyticLine,
    schema: AnalyticLineSchema,
    fields: analyticLineFields(profile),
    renames: analyticLineRenames(profile),
  };
}

/**
 * Odoo's filter for timesheets on tickets of one customer (the commercial partner of the ticket's
 * contact), so a customer's sync reads its own lines rather than everyone's.
 */
export function customerTimesheetsFilter(profile: FieldProfile, customerId: number) {
  return where(`${profile.timesheetTicketField}.partner_id.commercial_partner_id`, '=', customerId);
}

/** The period's timesheet lines logged on tickets of one company (paged search_read). */
export async function readPeriodTimesheets(
  reader: OdooReader,
  profile: FieldProfile,
  bounds: { first: LocalDate; last: LocalDate },
  companyId: number,
  customerId?: number,
): Promise<{ lines: AnalyticLine[]; problems: SyncProblem[] }> {
  const parsed = await searchAllParsed(
    reader,
    timesheetSpec(profile),
    and(
      where(profile.timesheetTicketField, '!=', false),
      where('date', '>=', bounds.first),
      where('date', '<=', bounds.last),
      where('company_id', '=', companyId),
      ...(customerId === undefined ? [] : [customerTimesheetsFilter(profile, customerId)]),
    ),
  );
  return { lines: parsed.records, problems: parsed.problems };
}

/**
 * The lines of these tickets dated before the period: the per-request minimum counts a ticket's
 * whole history (src/domain/README.md, "Minimum per request").
 */
export async function readEarlierTimesheets(
  reader: OdooReader,
  profile: FieldProfile,
  ticketIds: readonly number[],
  before: LocalDate,
  companyId: number,
): Promise<{ lines: AnalyticLine[]; problems: SyncProblem[] }> {
  const parsed = await searchByIdsParsed(
    reader,
    timesheetSpec(profile),
    profile.timesheetTicketField,
    ticketIds,
    and(where('date', '<', before), where('company_id', '=', companyId)),
  );
  return { lines: parsed.records, problems: parsed.problems };
}

/** Tickets by id, with their customers resolved and tag names read (batched, never per ticket). */
export async function readTickets(
  reader: OdooReader,
  profile: FieldProfile,
  ticketIds: readonly number[],
  partners: PartnerDirectory,
): Promise<{ tickets: TicketFacts[]; problems: SyncProblem[] }> {
  const parsed = await readByIdsParsed<HelpdeskTicket>(
    reader,
    {
      model: MODELS.helpdeskTicket,
      schema: HelpdeskTicketSchema,
      fields: helpdeskTicketFields(profile),
      renames: helpdeskTicketRenames(profile),
    },
    ticketIds,
  );
  const problems: SyncProblem[] = [...parsed.problems];
  await partners.ensure(
    parsed.records.flatMap((ticket) =>
      ticket.commercial_partner_id === null && ticket.partner_id !== null
        ? [ticket.partner_id.id]
        : [],
    ),
  );
  const tags = await readNames(
    reader,
    ticketTagModel(profile),
    parsed.records.flatMap((ticket) => ticket.tag_ids),
  );
  problems.push(...tags.problems);
  const tickets: TicketFacts[] = [];
  for (const record of parsed.records) {
    const result = mapTicket(record, {
      commercialPartnerOf: (id) => partners.commercialPartnerOf(id),
      tagName: (id) => tags.names.get(id),
    });
    if (result.ok) tickets.push(result.value);
    else problems.push(result.problem);
  }
  return { tickets, problems };
}

/** Maps timesheet records, keeping the problems of those that cannot be work lines. */
export function mapTimesheets(records: readonly AnalyticLine[]): {
  lines: WorkLine[];
  problems: SyncProblem[];
} {
  const lines: WorkLine[] = [];
  const problems: SyncProblem[] = [];
  for (const record of records) {
    const result = mapTimesheet(record);
    if (result.ok) lines.push(result.value);
    else problems.push(result.problem);
  }
  return { lines, problems };
}
