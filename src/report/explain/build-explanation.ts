import { periodOfDate, type EngineSettings } from '../../domain';
import { MODELS } from '../../odoo/models';
import type { WorkToExplain } from '../../sync/explain-work';
import type { ReportPlan } from '../../sync/plan-for-report';
import { unassignedDecisions } from '../../sync/unassigned-work';
import { explainLine, unplannedLine } from './explain-line';
import type { ExplainedPeriod, Explanation } from './explanation';
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
  const lines = work.lines
    .filter((line) => periodOfDate(line.date) === period)
    .map((line) => {
      const decision = decisions.find((candidate) => candidate.lineId === line.id);
      return decision === undefined
        ? unplannedLine(line, context, unplannedWhy(work, report, line.id))
        : explainLine(line, decision, context);
    });
  const charge =
    work.subject === 'ticket' && plan !== null
      ? explainTicketCharge(report.facts, plan, ticket, settings)
      : null;
  return { period, lines, charge };
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
