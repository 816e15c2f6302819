import {
  classifyLines,
  countedLineMinutes,
  minorUnits,
  minutes,
  periodBounds,
  ticketTarget,
  type Decision,
  type EngineSettings,
  type InvoicePlan,
  type PlanLine,
  type TicketFacts,
} from '../../domain';
import type { PeriodFacts } from '../../sync/read-period';
import { adjustmentNote } from '../statement/ticket-rows';
import type { TicketChargeExplanation } from './explanation';

const total = (values: readonly number[]) => minutes(values.reduce((sum, value) => sum + value, 0));

const minutesOf = (decisions: readonly Decision[], coverage?: Decision['coverage']) =>
  total(
    decisions
      .filter((d) => coverage === undefined || d.coverage === coverage)
      .map((d) => d.minutes),
  );

const lineMinutes = (lines: readonly PlanLine[], kind: PlanLine['kind']) =>
  total(lines.filter((line) => line.kind === kind).map((line) => line.minutes ?? 0));

/**
 * The ticket's earlier billable decisions, classified from the same facts the plan was made from
 * (the plan itself keeps only the period's decisions).
 */
function earlierBillable(
  facts: PeriodFacts,
  ticket: TicketFacts,
  settings: EngineSettings,
): Decision[] {
  const { first } = periodBounds(facts.period);
  return classifyLines(
    {
      company: facts.company,
      customers: facts.customers.filter((customer) => customer.id === ticket.customerId),
      tickets: [ticket],
      agreements: facts.agreements.filter((entry) => entry.customerId === ticket.customerId),
      lines: facts.lines.filter((line) => line.ticketId === ticket.id && line.date < first),
    },
    settings,
  ).filter((decision) => decision.coverage === 'billable');
}

/**
 * How the ticket's time in the period became its charge, read back from the plan: the charge is
 * the sum of the ticket's drawdown, billed and correction lines, and what earlier periods billed
 * is the target (counted time after minimum and rounding) minus that charge.
 */
export function explainTicketCharge(
  facts: PeriodFacts,
  plan: InvoicePlan,
  ticket: TicketFacts,
  settings: EngineSettings,
): TicketChargeExplanation {
  const billing = settings.billing;
  const decisions = plan.decisions.filter((decision) => decision.ticketId === ticket.id);
  const billable = decisions.filter((decision) => decision.coverage === 'billable');
  const counted = (list: readonly Decision[]) =>
    total(list.map((decision) => countedLineMinutes(decision.minutes, billing)));
  const countedBefore = counted(earlierBillable(facts, ticket, settings));
  const countedInPeriod = counted(billable);
  const countedAll = minutes(countedBefore + countedInPeriod);
  const target = ticketTarget(countedAll, billing);

  const lines = plan.sections
    .filter((section) => section.ticketId === ticket.id)
    .flatMap((section) => section.lines);
  const drawnLines = lines.filter((line) => line.kind === 'drawdown');
  const drawn = lineMinutes(lines, 'drawdown');
  const invoiced = lineMinutes(lines, 'billed');
  const corrections = lineMinutes(lines, 'correction');
  const billedNow = minutes(drawn + invoiced + corrections);
  const packName = (line: PlanLine) =>
    facts.packs.find((pack) => pack.id === line.packId)?.name ?? String(line.packId);
  const billableMinutes = minutesOf(billable);
  return {
    logged: minutesOf(decisions),
    covered: minutesOf(decisions, 'covered'),
    review: minutesOf(decisions, 'review'),
    billable: billableMinutes,
    countedBefore,
    countedInPeriod,
    target,
    topUp: minutes(target - countedAll),
    billedBefore: minutes(target - billedNow),
    billedNow,
    drawn: drawnLines.map((line) => ({
      pack: packName(line),
      minutes: minutes(line.minutes ?? 0),
    })),
    invoiced,
    corrections,
    amount: minorUnits(lines.reduce((sum, line) => sum + line.amount, 0)),
    note: adjustmentNote(minutes(billedNow - billableMinutes), billing, lines),
  };
}
