import {
  compareText,
  formatHours,
  minorUnits,
  minutes,
  periodBounds,
  type EngineSettings,
  type InvoicePlan,
  type PlanEvent,
  type TicketFacts,
  type TicketId,
} from '../../domain';
import { packRows } from './pack-rows';
import { customerSlug } from './slug';
import { customerReason, heldReason } from './customer-reasons';
import type { CoverageSlice, Statement, StatementInput, StatementReviewGroup } from './statement';
import { ticketRows } from './ticket-rows';

function coverage(plan: InvoicePlan): CoverageSlice[] {
  const { totals } = plan;
  return [
    { kind: 'covered', label: 'Covered by your agreement', minutes: totals.covered },
    { kind: 'prepaid', label: 'Paid from prepaid hours', minutes: totals.drawn },
    { kind: 'invoiced', label: 'Invoiced at the hourly rate', minutes: totals.invoiced },
    { kind: 'review', label: 'Being checked, not invoiced yet', minutes: totals.review },
  ];
}

function eventNotice(event: PlanEvent, tickets: ReadonlyMap<TicketId, TicketFacts>): string {
  if (event.kind === 'prepaid_low_balance') {
    return (
      `Your prepaid balance fell below ${formatHours(event.thresholdMinutes)} h this month: ` +
      `${formatHours(event.closingMinutes)} h left at its end.`
    );
  }
  const ticket = tickets.get(event.ticketId);
  return (
    `Ticket ${ticket?.number ?? event.ticketId} has now been charged ` +
    `${formatHours(event.billedMinutes)} h, more than the ${formatHours(event.capMinutes)} h authorised.`
  );
}

/** Held lines grouped per ticket and reason, in ticket order. */
function reviewGroups(
  plan: InvoicePlan,
  tickets: ReadonlyMap<TicketId, TicketFacts>,
  settings: EngineSettings,
): StatementReviewGroup[] {
  const groups = new Map<string, StatementReviewGroup>();
  for (const item of plan.reviewItems) {
    const reason = heldReason(item.problems, settings);
    const key = `${item.ticketId}|${reason}`;
    const known = groups.get(key);
    const ticket = tickets.get(item.ticketId);
    groups.set(key, {
      ticketNumber: ticket?.number ?? `#${item.ticketId}`,
      ticketName: ticket?.name ?? '',
      from: known === undefined || item.date < known.from ? item.date : known.from,
      to: known === undefined || item.date > known.to ? item.date : known.to,
      lines: (known?.lines ?? 0) + 1,
      minutes: minutes((known?.minutes ?? 0) + item.minutes),
      reason,
    });
  }
  return [...groups.values()].sort(
    (a, b) => compareText(a.ticketNumber, b.ticketNumber) || compareText(a.reason, b.reason),
  );
}

/** One customer's statement for the plan's period (pure: the plan and its facts in, data out). */
export function buildStatement(input: StatementInput): Statement {
  const { plan, customer, settings } = input;
  const bounds = periodBounds(plan.period);
  const tickets = new Map(
    input.tickets
      .filter((ticket) => ticket.customerId === customer.id)
      .map((ticket) => [ticket.id, ticket] as const),
  );
  const packs = input.packs.filter((pack) => pack.customerId === customer.id);
  const fees = plan.feeLines.map((line) => ({ label: line.label, amount: line.amount }));
  const feeAmount = minorUnits(fees.reduce((sum, fee) => sum + fee.amount, 0));
  return {
    customer: { id: customer.id, name: customer.name },
    fileName: `${customerSlug(customer.name)}-${customer.id}.html`,
    period: plan.period,
    first: bounds.first,
    last: bounds.last,
    timeZone: input.company.timeZone,
    currency: { code: plan.currency, decimals: input.currencyDecimals },
    coverage: coverage(plan),
    tickets: ticketRows(plan, tickets, settings.billing),
    fees,
    packs: packRows(plan, packs, tickets, bounds),
    review: reviewGroups(plan, tickets, settings),
    notices: [
      ...plan.events.map((event) => eventNotice(event, tickets)),
      ...new Set(plan.problems.map((problem) => customerReason(problem, settings))),
    ],
    minimumPerRequest: settings.billing.minimumPerRequest,
    totals: {
      logged: plan.totals.logged,
      covered: plan.totals.covered,
      drawn: plan.totals.drawn,
      invoiced: plan.totals.invoiced,
      review: plan.totals.review,
      timeAmount: minorUnits(plan.totals.amount - feeAmount),
      feeAmount,
      amount: plan.totals.amount,
    },
  };
}
