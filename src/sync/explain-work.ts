import type { TicketFacts, WorkLine } from '../domain/facts';
import { periodBounds, periodOfDate } from '../domain/periods';
import { compareText, type Period } from '../domain/types';
import { OdooUnexpectedResponseError } from '../odoo/errors';
import { MODELS } from '../odoo/models';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import type { AnalyticLine } from '../odoo/records/analytic-line';
import { ExplainNotFoundError, ExplainNotTicketWorkError } from './errors';
import { mapTimesheet } from './map/map-timesheet';
import type { SyncProblem } from './map/mapped';
import { invoiceNumber } from './period-report-data';
import { planForReport, type ReportPlan } from './plan-for-report';
import type { ReadPeriodConfig } from './read-period';
import type { OdooReader } from './read/odoo-reader';
import { PartnerDirectory } from './read/partner-directory';
import {
  findTicketIdsByReference,
  readTicketTimesheets,
  readTimesheet,
} from './read/read-explain-subject';
import { readCustomerInvoices } from './read/read-tally-invoices';
import { readTickets } from './read/read-work';
import type { OdooWriter } from './write/apply-writes';

/** What `tally explain` was asked about. */
export type ExplainTarget =
  | { readonly kind: 'timesheet'; readonly id: number }
  | { readonly kind: 'ticket'; readonly id: number }
  | { readonly kind: 'ticket_reference'; readonly reference: string };

/** A timesheet line to explain, with the invoice line Odoo records as carrying it. */
export interface SubjectLine extends WorkLine {
  /** `x_tally_invoice_line_id`; null when none (or before `tally setup`). */
  readonly invoiceLineId: number | null;
}

/** One keyed line of a Tally invoice, with its invoice. */
export interface TallyInvoiceLineRef {
  readonly id: number;
  readonly key: string;
  readonly label: string;
  readonly timesheetIds: readonly number[];
  readonly invoice: {
    readonly id: number;
    readonly key: string;
    readonly name: string | null;
    readonly state: 'draft' | 'posted' | 'cancel';
  };
}

/** Everything an explanation is built from; the plans are exactly the drafts' (planForReport). */
export interface WorkToExplain {
  readonly subject: 'timesheet' | 'ticket';
  readonly ticket: TicketFacts;
  /** The lines explained, in the planned periods, by date. */
  readonly lines: readonly SubjectLine[];
  readonly periods: readonly { readonly period: Period; readonly report: ReportPlan }[];
  /** The customer's Tally invoice lines, all periods (empty before `tally setup`). */
  readonly invoiceLines: readonly TallyInvoiceLineRef[];
}

function unreadable(problems: readonly SyncProblem[]): never {
  const [problem] = problems;
  throw new OdooUnexpectedResponseError(
    problem === undefined
      ? 'Odoo answered the lookup in an unexpected shape.'
      : `${problem.model} ${problem.recordId ?? '?'} cannot be read (${problem.path}: ${problem.message}); fix the record in Odoo.`,
    { details: { model: problem?.model ?? '', path: problem?.path ?? '' } },
  );
}

function subjectLine(record: AnalyticLine): SubjectLine {
  const result = mapTimesheet(record);
  if (!result.ok) {
    throw new ExplainNotTicketWorkError(
      `Timesheet ${record.id} is no work Tally bills: ${result.problem.message} (${result.problem.path}).`,
      { details: { timesheetId: record.id, path: result.problem.path } },
    );
  }
  return { ...result.value, invoiceLineId: record.x_tally_invoice_line_id?.id ?? null };
}

async function subjectTicketId(
  client: OdooReader,
  profile: FieldProfile,
  target: ExplainTarget,
): Promise<{ ticketId: number; timesheet: SubjectLine | null }> {
  if (target.kind === 'timesheet') {
    const read = await readTimesheet(client, profile, target.id);
    if (read.line === null) {
      if (read.problems.length > 0) unreadable(read.problems);
      throw new ExplainNotFoundError(
        `No timesheet with id ${target.id} in Odoo: give the id of a timesheet line, or a ticket number such as HT00028.`,
        { details: { timesheetId: target.id } },
      );
    }
    const line = subjectLine(read.line);
    return { ticketId: Number(line.ticketId), timesheet: line };
  }
  if (target.kind === 'ticket') return { ticketId: target.id, timesheet: null };
  const ids = await findTicketIdsByReference(client, profile, target.reference);
  const [first] = ids;
  if (first === undefined) {
    throw new ExplainNotFoundError(
      `No helpdesk ticket with reference "${target.reference}" in Odoo: check the number, or give the ticket's id as #<id>.`,
      { details: { reference: target.reference } },
    );
  }
  if (ids.length > 1) {
    throw new ExplainNotFoundError(
      `Several tickets have reference "${target.reference}" (ids ${ids.join(', ')}): give one as #<id>.`,
      { details: { reference: target.reference, ticketIds: ids } },
    );
  }
  return { ticketId: first, timesheet: null };
}

async function readCarryingLines(
  client: OdooReader,
  customerId: number,
): Promise<TallyInvoiceLineRef[]> {
  const invoices = await readCustomerInvoices(client, [customerId]);
  const moves = new Map(invoices.moves.map((move) => [move.id, move]));
  return invoices.lines.flatMap((line) => {
    const move = moves.get(line.move_id);
    if (move === undefined || line.x_tally_key === null) return [];
    return [
      {
        id: line.id,
        key: line.x_tally_key,
        label: line.name ?? '',
        timesheetIds: line.x_tally_timesheet_ids,
        invoice: {
          id: move.id,
          key: move.x_tally_key,
          name: invoiceNumber(move.name),
          state: move.state,
        },
      },
    ];
  });
}

/**
 * Reads what `tally explain` needs: the timesheet or ticket, its lines, the plan of every period
 * they fall in (as the drafts were planned, see planForReport) and the customer's Tally invoice
 * lines, which say where each line went. `period` narrows a ticket to one period.
 */
export async function gatherWorkToExplain(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  target: ExplainTarget,
  options: { readonly period?: Period } = {},
): Promise<WorkToExplain> {
  const profile = await detectFieldProfile(fieldNamesVia(client));
  const { ticketId, timesheet } = await subjectTicketId(client, profile, target);
  const read = await readTickets(client, profile, [ticketId], new PartnerDirectory(client));
  const ticket = read.tickets[0];
  if (ticket === undefined) {
    if (read.problems.some((problem) => problem.model === MODELS.helpdeskTicket)) {
      unreadable(read.problems);
    }
    throw new ExplainNotFoundError(
      `No helpdesk ticket with id ${ticketId} in Odoo: check the id, or give the ticket's number.`,
      { details: { ticketId } },
    );
  }

  let lines: SubjectLine[];
  if (timesheet !== null) lines = [timesheet];
  else {
    const parsed = await readTicketTimesheets(client, profile, ticketId);
    if (parsed.problems.length > 0) unreadable(parsed.problems);
    lines = parsed.records.map(subjectLine);
  }
  if (options.period !== undefined) {
    lines = lines.filter((line) => periodOfDate(line.date) === options.period);
  }
  lines.sort((a, b) => compareText(a.date, b.date) || Number(a.id) - Number(b.id));
  const periods =
    options.period !== undefined
      ? [options.period]
      : [...new Set(lines.map((line) => periodOfDate(line.date)))].sort(compareText);

  const customerId = ticket.customerId === null ? undefined : Number(ticket.customerId);
  const planned = [];
  for (const period of periods) {
    const report = await planForReport(client, config, {
      period,
      today: periodBounds(period).last,
      ...(customerId === undefined ? {} : { customerId }),
    });
    planned.push({ period, report });
  }
  const hasTallyFields = planned.every((entry) => entry.report.history === 'invoices');
  const invoiceLines =
    customerId !== undefined && hasTallyFields && planned.length > 0
      ? await readCarryingLines(client, customerId)
      : [];
  return {
    subject: timesheet === null ? 'ticket' : 'timesheet',
    ticket,
    lines,
    periods: planned,
    invoiceLines,
  };
}
