import {
  minorUnits,
  minutes,
  priceForMinutes,
  type Decision,
  type EngineSettings,
  type InvoicePlan,
  type PlanLine,
  type ReviewItem,
  type TicketFacts,
} from '../../domain';
import type { PeriodDraft, PeriodReportData } from '../../sync/period-report-data';
import { unassignedDecisions } from '../../sync/unassigned-work';
import { unknownPrefixLines } from '../../sync/unknown-prefixes';
import type {
  CustomerReport,
  DraftState,
  ReportCorrections,
  ReportReviewItem,
} from './period-report';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

const STATES: Readonly<Record<PeriodDraft['state'], DraftState>> = {
  draft: 'draft',
  posted: 'posted',
  cancel: 'cancelled',
};

function reviewItems(
  items: readonly Pick<ReviewItem, 'lineId' | 'ticketId' | 'date' | 'minutes' | 'reason'>[],
  tickets: ReadonlyMap<string, TicketFacts>,
): ReportReviewItem[] {
  return items.map((item) => ({
    timesheetId: Number(item.lineId),
    ticket: tickets.get(item.ticketId)?.number ?? `#${item.ticketId}`,
    date: item.date,
    minutes: item.minutes,
    reason: item.reason,
  }));
}

function corrections(lines: readonly PlanLine[]): ReportCorrections {
  return {
    minutes: minutes(sum(lines.map((line) => line.minutes ?? 0))),
    amount: minorUnits(sum(lines.map((line) => line.amount))),
    corrects: [...new Set(lines.flatMap((line) => line.corrects ?? []))],
  };
}

function customerRow(
  plan: InvoicePlan,
  name: string,
  draft: PeriodDraft | undefined,
  tickets: ReadonlyMap<string, TicketFacts>,
): CustomerReport {
  const lines = plan.sections.flatMap((section) => section.lines);
  const ofKinds = (kinds: readonly PlanLine['kind'][]) =>
    lines.filter((line) => kinds.includes(line.kind));
  return {
    period: plan.period,
    customerId: Number(plan.customerId),
    customer: name,
    currency: plan.currency,
    logged: plan.totals.logged,
    covered: plan.totals.covered,
    drawn: plan.totals.drawn,
    billed: plan.totals.invoiced,
    review: plan.totals.review,
    coveredValue: minorUnits(
      sum(
        ofKinds(['covered']).map((line) =>
          priceForMinutes(line.unitPrice, line.minutes ?? minutes(0)),
        ),
      ),
    ),
    billedAmount: minorUnits(sum(ofKinds(['billed', 'correction']).map((line) => line.amount))),
    corrections: corrections(ofKinds(['correction'])),
    feeAmount: minorUnits(sum(plan.feeLines.map((line) => line.amount))),
    totalAmount: plan.totals.amount,
    packs: plan.packBalances.map((balance) => ({
      name: balance.name,
      opening: balance.opening,
      drawn: balance.drawn,
      closing: balance.closing,
      expiresOn: balance.expiresOn,
    })),
    reviewItems: reviewItems(plan.reviewItems, tickets),
    unknownPrefixes: unknownPrefixLines(plan.period, plan.decisions, tickets),
    draft:
      draft === undefined
        ? { state: 'none', invoice: null }
        : { state: STATES[draft.state], invoice: draft.name },
  };
}

/** Time on tickets without a customer: on no invoice, all of it held for review. */
function unassignedRow(
  data: PeriodReportData,
  decisions: readonly Decision[],
  tickets: ReadonlyMap<string, TicketFacts>,
): CustomerReport {
  const logged = minutes(sum(decisions.map((decision) => decision.minutes)));
  const held = decisions.filter((decision) => decision.coverage === 'review');
  return {
    period: data.report.plan.period,
    customerId: null,
    customer: '(no customer)',
    currency: data.report.plan.company.currency,
    logged,
    covered: minutes(0),
    drawn: minutes(0),
    billed: minutes(0),
    review: minutes(sum(held.map((decision) => decision.minutes))),
    coveredValue: minorUnits(0),
    billedAmount: minorUnits(0),
    corrections: corrections([]),
    feeAmount: minorUnits(0),
    totalAmount: minorUnits(0),
    packs: [],
    reviewItems: reviewItems(held, tickets),
    unknownPrefixes: unknownPrefixLines(data.report.plan.period, decisions, tickets),
    draft: { state: 'none', invoice: null },
  };
}

/**
 * One row per customer with work, fees, prepaid packs or a Tally invoice in the period, in
 * customer id order, then the time on tickets without a customer (only when not narrowed to one
 * customer).
 */
export function buildPeriodReport(
  data: PeriodReportData,
  settings: EngineSettings,
  options: { readonly customerId?: number } = {},
): CustomerReport[] {
  const tickets = new Map(data.report.facts.tickets.map((ticket) => [ticket.id, ticket]));
  const rows = data.report.plan.plans
    .map(({ customer, plan }) =>
      customerRow(
        plan,
        customer.name,
        data.drafts.find((draft) => draft.customerId === customer.id),
        tickets,
      ),
    )
    .filter(
      (row) =>
        row.logged !== 0 ||
        row.totalAmount !== 0 ||
        row.feeAmount !== 0 ||
        row.packs.length > 0 ||
        row.draft.state !== 'none',
    );
  if (options.customerId !== undefined) return rows;
  const unassigned = unassignedDecisions(data.report.facts, settings);
  return unassigned.length === 0 ? rows : [...rows, unassignedRow(data, unassigned, tickets)];
}
