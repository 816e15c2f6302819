import {
  compareDates,
  compareText,
  parseLineKey,
  periodOfDate,
  type Decision,
  type EngineSettings,
  type Period,
} from '../../domain';
import { MODELS } from '../../odoo/models';
import type { WorkToExplain } from '../../sync/explain-work';
import type { ReportPlan } from '../../sync/plan-for-report';
import { unassignedDecisions } from '../../sync/unassigned-work';
import { explainLine, invoiceLineRef, unplannedLine } from './explain-line';
import type {
  ClosedInvoiceRef,
  Destination,
  ExplainedPeriod,
  Explanation,
  RecordedLine,
} from './explanation';
import { explainTicketCharge } from './ticket-charge';

/** Why a line read from Odoo is in no plan of its period. */
function unplannedWhy(work: WorkToExplain, report: ReportPlan, lineId: string): string {
  const problem = report.plan.problems.find(
    (entry) =>
      (entry.model === MODELS.analyticLine && entry.recordId === Number(lineId)) ||
      (entry.model === MODELS.helpdeskTicket && entry.recordId === Number(work.ticket.id)),
  );
  if (problem !== undefined) {
    return `Not planned: ${problem.model} ${problem.recordId ?? '?'} could not be read (${problem.path}: ${problem.message}).`;
  }
  return `Not planned: the line is not work of company ${report.facts.company.id}, the company Tally invoices.`;
}

/** The ticket's correction lines on Tally invoices of periods after `period`, oldest first. */
function laterCorrections(work: WorkToExplain, period: Period): RecordedLine[] {
  return work.invoiceLines
    .filter((line) => {
      const key = parseLineKey(line.key);
      return (
        key !== null &&
        key.kind === 'correction' &&
        key.ticketId === work.ticket.id &&
        compareDates(key.period, period) > 0
      );
    })
    .sort((a, b) => compareText(a.key, b.key))
    .map(invoiceLineRef);
}

/**
 * Where time the period's closed invoice does not hold goes: billable time is charged by a
 * correction on a later draft; covered or held time is on no invoice.
 */
function afterClose(
  decision: Decision,
  closed: ClosedInvoiceRef,
  work: WorkToExplain,
  period: Period,
): Destination {
  if (decision.coverage === 'billable') {
    return { kind: 'correction', closed, lines: laterCorrections(work, period) };
  }
  const state = closed.state === 'posted' ? 'posted' : 'cancelled';
  return {
    kind: 'not_planned',
    why: `Not on ${closed.name ?? 'the invoice of the period'}, ${state} before it was logged; ${decision.coverage === 'review' ? 'held for review' : 'covered, so no later draft charges it'}.`,
  };
}

function explainPeriod(
  work: WorkToExplain,
  entry: WorkToExplain['periods'][number],
  settings: EngineSettings,
): ExplainedPeriod {
  const { period, report } = entry;
  const ticket = work.ticket;
  const plan =
    report.plan.plans.find(({ customer }) => customer.id === ticket.customerId)?.plan ?? null;
  const decisions = plan?.decisions ?? unassignedDecisions(report.facts, settings);
  const invoiceLines = new Map(work.invoiceLines.map((line) => [line.id, line]));
  const context = {
    period,
    settings,
    plan,
    agreements: report.facts.agreements,
    invoiceLines,
  };
  const closed = report.closed.find((entry) => entry.customerId === ticket.customerId);
  const lines = work.lines
    .filter((line) => periodOfDate(line.date) === period)
    .map((line) => {
      const decision = decisions.find((candidate) => candidate.lineId === line.id);
      if (decision !== undefined) return explainLine(line, decision, context);
      const outside = closed?.outside.find((candidate) => candidate.lineId === line.id);
      return outside === undefined || closed === undefined
        ? unplannedLine(line, context, unplannedWhy(work, report, line.id))
        : explainLine(line, outside, context, afterClose(outside, closed.invoice, work, period));
    });
  const charge =
    work.subject === 'ticket' && plan !== null
      ? explainTicketCharge(report.facts, plan, ticket, settings)
      : null;
  return { period, lines, closed: closed?.invoice ?? null, charge };
}

/** The explanation of a timesheet line or a ticket, from what `gatherWorkToExplain` read. */
export function buildExplanation(
  work: WorkToExplain,
  settings: EngineSettings,
  currencyDecimals: number,
): Explanation {
  const ticket = work.ticket;
  const customer =
    ticket.customerId === null
      ? null
      : work.periods
          .flatMap(({ report }) => report.facts.customers)
          .find((entry) => entry.id === ticket.customerId);
  const currency = work.periods[0]?.report.facts.company.currency ?? '';
  return {
    subject: work.subject,
    ticket: {
      id: Number(ticket.id),
      number: ticket.number,
      name: ticket.name,
      customer:
        ticket.customerId === null
          ? null
          : { id: Number(ticket.customerId), name: customer?.name ?? `#${ticket.customerId}` },
    },
    history: work.periods.every(({ report }) => report.history === 'invoices')
      ? 'invoices'
      : 'assumed',
    currency: { code: currency, decimals: currencyDecimals },
    periods: work.periods.map((entry) => explainPeriod(work, entry, settings)),
  };
}
