import type { TicketCharge } from './charges';
import { chargeTicket } from './charges';
import { classifyLines } from './classify';
import type { Decision } from './decision';
import type {
  Agreement,
  CompanyContext,
  CustomerFacts,
  PrepaidPack,
  TicketBillingHistory,
  TicketFacts,
  WorkLine,
} from './facts';
import { planFees } from './fees';
import { lineKey } from './line-key';
import { periodBounds } from './periods';
import type { InvoicePlan, PlanEvent, PlanLine, PlanSection, ReviewItem } from './plan-types';
import type { PricedUnit, SectionContext } from './plan-lines';
import { sectionLines } from './plan-lines';
import { drawDown } from './prepaid';
import type { EngineSettings } from './settings';
import type { MinorUnits, Minutes, Period, TicketId } from './types';
import { compareIds, compareReferences, minorUnits, minutes } from './types';

/** The review item of a decision held for review (shown to people, never invoiced). */
export function reviewItemOf(decision: Decision): ReviewItem {
  return {
    lineId: decision.lineId,
    ticketId: decision.ticketId,
    date: decision.date,
    minutes: decision.minutes,
    reason: decision.reason,
    problems: decision.problems,
  };
}

/** Everything to plan one customer's draft for one period; arrays in any order. */
export interface PlanInput {
  readonly company: CompanyContext;
  readonly customer: CustomerFacts;
  readonly period: Period;
  /** The customer's tickets with work in the period (and their earlier work). */
  readonly tickets: readonly TicketFacts[];
  /**
   * Lines of those tickets: the period's, plus earlier ones so the per-request minimum sees the
   * ticket's whole history; later lines are ignored, and so are lines of other customers'
   * tickets. Lines whose ticket or customer is missing are listed for review.
   */
  readonly lines: readonly WorkLine[];
  readonly agreements: readonly Agreement[];
  readonly packs: readonly PrepaidPack[];
  /**
   * What earlier periods billed per ticket; a missing ticket billed nothing. Give a ticket's
   * history only together with all its earlier lines: the minimum compares the two.
   */
  readonly history: readonly TicketBillingHistory[];
  /** The default hourly rate: the config's, else the hourly product's sales price. */
  readonly defaultHourlyRate: MinorUnits;
}

const sum = (values: readonly number[]) =>
  minutes(values.reduce((total, value) => total + value, 0));

function groupByTicket(decisions: readonly Decision[]): Map<TicketId, Decision[]> {
  const groups = new Map<TicketId, Decision[]>();
  for (const decision of decisions) {
    groups.set(decision.ticketId, [...(groups.get(decision.ticketId) ?? []), decision]);
  }
  return groups;
}

function lowBalanceEvent(
  input: PlanInput,
  settings: EngineSettings,
  closing: Map<string, Minutes>,
) {
  const { first, last } = periodBounds(input.period);
  const packs = input.packs.filter((pack) => pack.customerId === input.customer.id);
  const opening = sum(
    packs
      .filter((pack) => pack.expiresOn === null || pack.expiresOn > first)
      .map((pack) => Math.max(0, pack.openingBalance)),
  );
  const remaining = sum(
    packs
      .filter((pack) => pack.expiresOn === null || pack.expiresOn > last)
      .map((pack) => closing.get(pack.id) ?? 0),
  );
  const threshold = settings.prepaid.lowBalanceThreshold;
  if (packs.length === 0 || opening < threshold || remaining >= threshold) return [];
  return [
    {
      kind: 'prepaid_low_balance',
      customerId: input.customer.id,
      openingMinutes: opening,
      closingMinutes: remaining,
      thresholdMinutes: threshold,
    } satisfies PlanEvent,
  ];
}

function capEvents(input: PlanInput, settings: EngineSettings, charges: readonly TicketCharge[]) {
  const cap = settings.billing.authorisationCap;
  if (cap === null) return [];
  return charges
    .filter((charge) => charge.billedBefore <= cap && charge.target > cap)
    .map((charge): PlanEvent => ({
      kind: 'authorisation_cap_exceeded',
      customerId: input.customer.id,
      ticketId: charge.ticketId,
      capMinutes: cap,
      billedMinutes: charge.target,
    }));
}

function feeLines(input: PlanInput, settings: EngineSettings) {
  const plan = planFees(input.customer.id, input.period, input.agreements, settings);
  const lines = plan.fees.map((fee): PlanLine => ({
    key: lineKey({
      customerId: input.customer.id,
      period: input.period,
      ticketId: null,
      kind: 'fee',
      discriminator: fee.tier,
    }),
    kind: 'fee',
    label:
      fee.days === fee.daysInPeriod || settings.billing.feeProration === 'none'
        ? `${fee.tierLabel}, monthly fee ${input.period}`
        : `${fee.tierLabel}, monthly fee ${input.period} (${fee.days}/${fee.daysInPeriod} days)`,
    minutes: null,
    unitPrice: fee.amount,
    discountPercent: 0,
    amount: fee.amount,
    category: null,
    packId: null,
    tier: fee.tier,
    timesheetIds: [],
  }));
  return { lines, problems: plan.problems };
}

/**
 * The desired draft invoice of one customer for one period: classify, apply minimums and rounding
 * per ticket, draw from prepaid packs, price the rest, add monthly fees. Pure and deterministic:
 * the same inputs in any order give a deeply equal plan.
 */
export function planInvoice(input: PlanInput, settings: EngineSettings): InvoicePlan {
  const { first, last } = periodBounds(input.period);
  const all = classifyLines(
    {
      company: input.company,
      customers: [input.customer],
      tickets: input.tickets,
      agreements: input.agreements,
      lines: input.lines,
    },
    settings,
  ).filter((decision) => decision.customerId === input.customer.id || decision.customerId === null);
  const inPeriod = all.filter((decision) => decision.date >= first && decision.date <= last);
  const before = all.filter((decision) => decision.date < first);
  const billableIn = groupByTicket(inPeriod.filter((d) => d.coverage === 'billable'));
  const billableBefore = groupByTicket(before.filter((d) => d.coverage === 'billable'));
  const billedBefore = new Map(input.history.map((entry) => [entry.ticketId, entry.billedBefore]));

  // Only the customer's own tickets are charged: a history entry for any other ticket is ignored.
  const ownTickets = new Set(
    input.tickets.filter((t) => t.customerId === input.customer.id).map((t) => t.id),
  );
  const ticketIds = [
    ...new Set([...billableIn.keys(), ...billableBefore.keys(), ...billedBefore.keys()]),
  ]
    .filter((ticketId) => ownTickets.has(ticketId))
    .sort(compareIds);
  const charges = ticketIds.map((ticketId) =>
    chargeTicket(
      ticketId,
      billableBefore.get(ticketId) ?? [],
      billableIn.get(ticketId) ?? [],
      billedBefore.get(ticketId) ?? minutes(0),
      settings.billing,
      first,
    ),
  );
  const units = charges.flatMap((charge) => charge.units);
  const packs = input.packs.filter((pack) => pack.customerId === input.customer.id);
  const drawn = drawDown(units, packs);

  const context: SectionContext = {
    customerId: input.customer.id,
    period: input.period,
    settings,
    defaultHourlyRate: input.defaultHourlyRate,
    packs: new Map(packs.map((pack) => [pack.id, pack])),
  };
  const tickets = new Map(input.tickets.map((ticket) => [ticket.id, ticket]));
  const covered = groupByTicket(inPeriod.filter((d) => d.coverage === 'covered'));
  const sectionIds = [...new Set([...covered.keys(), ...units.map((unit) => unit.ticketId)])];
  const sections: PlanSection[] = [];
  for (const ticketId of sectionIds) {
    const ticket = tickets.get(ticketId);
    if (!ticket) continue;
    const priced: PricedUnit[] = [];
    units.forEach((unit, index) => {
      if (unit.ticketId === ticketId) priced.push({ unit, overage: drawn.overage[index] ?? 0 });
    });
    const drawdowns = drawn.drawdowns
      .filter((entry) => units[entry.unitIndex]?.ticketId === ticketId)
      .map((entry) => ({ ...entry, lineIds: units[entry.unitIndex]?.lineIds ?? [] }));
    const lines = sectionLines(context, ticketId, covered.get(ticketId) ?? [], priced, drawdowns);
    if (lines.length === 0) continue;
    sections.push({
      key: lineKey({
        customerId: input.customer.id,
        period: input.period,
        ticketId,
        kind: 'section',
        discriminator: 'section',
      }),
      ticketId,
      title: `${ticket.number} - ${ticket.name}`,
      lines,
    });
  }
  sections.sort(
    (a, b) =>
      compareReferences(
        tickets.get(a.ticketId)?.number ?? '',
        tickets.get(b.ticketId)?.number ?? '',
      ) || compareIds(a.ticketId, b.ticketId),
  );

  const reviewItems = inPeriod
    .filter((decision) => decision.coverage === 'review')
    .map(reviewItemOf);
  const fees = feeLines(input, settings);
  const closing = new Map(
    drawn.balances.map((balance) => [balance.packId as string, balance.closing]),
  );
  const events = [
    ...lowBalanceEvent(input, settings, closing),
    ...capEvents(input, settings, charges),
  ];

  const ofCoverage = (coverage: Decision['coverage']) =>
    sum(inPeriod.filter((d) => d.coverage === coverage).map((d) => d.minutes));
  const drawnMinutes = sum(drawn.drawdowns.map((entry) => entry.minutes));
  const invoiced = sum(drawn.overage);
  const billable = ofCoverage('billable');
  const allLines = [...sections.flatMap((section) => section.lines), ...fees.lines];
  return {
    customerId: input.customer.id,
    period: input.period,
    currency: input.company.currency,
    sections,
    feeLines: fees.lines,
    reviewItems,
    events,
    packBalances: drawn.balances,
    decisions: inPeriod,
    problems: fees.problems,
    totals: {
      logged: sum(inPeriod.map((d) => d.minutes)),
      covered: ofCoverage('covered'),
      billable,
      review: ofCoverage('review'),
      drawn: drawnMinutes,
      invoiced,
      adjustment: minutes(drawnMinutes + invoiced - billable),
      amount: minorUnits(allLines.reduce((total, line) => total + line.amount, 0)),
    },
  };
}
