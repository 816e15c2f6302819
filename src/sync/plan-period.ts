import type { CustomerFacts, TicketBillingHistory } from '../domain/facts';
import { planInvoice } from '../domain/invoice-plan';
import { periodBounds } from '../domain/periods';
import type { InvoicePlan } from '../domain/plan-types';
import type { EngineSettings } from '../domain/settings';
import { compareIds } from '../domain/types';
import { deriveHistory } from './derive-history';
import type { SyncProblem } from './map/mapped';
import type { PeriodFacts } from './read-period';

/** One customer's desired draft for the period. */
export interface CustomerPlan {
  readonly customer: CustomerFacts;
  readonly plan: InvoicePlan;
}

/** Every customer's plan for one period (a dry run: nothing is written). */
export interface PeriodPlan {
  readonly period: PeriodFacts['period'];
  readonly company: PeriodFacts['company'];
  /** Ordered by customer id. */
  readonly plans: readonly CustomerPlan[];
  /** Records the reader could not turn into facts (they are in no plan). */
  readonly problems: readonly SyncProblem[];
}

/**
 * Plans every customer of the period with the rules engine. Each customer gets only its own
 * tickets, lines, agreements and packs; billing history is derived from the tickets' earlier lines
 * (see derive-history.ts).
 */
export function planPeriod(facts: PeriodFacts, settings: EngineSettings): PeriodPlan {
  const history = deriveHistory(facts, periodBounds(facts.period).first, settings);
  return {
    period: facts.period,
    company: facts.company,
    plans: planCustomers(facts, history, settings),
    problems: facts.problems,
  };
}

/**
 * Plans each customer of the period with the rules engine, ordered by customer id. Each customer
 * gets only its own tickets, lines, agreements, packs and billing history.
 */
export function planCustomers(
  facts: PeriodFacts,
  history: readonly TicketBillingHistory[],
  settings: EngineSettings,
): CustomerPlan[] {
  // Grouped once, so planning grows with the records, not with customers × records.
  const ticketsOf = groupBy(facts.tickets, (ticket) => ticket.customerId ?? '');
  const customerOfTicket = new Map(facts.tickets.map((ticket) => [ticket.id, ticket.customerId]));
  const linesOf = groupBy(facts.lines, (line) => customerOfTicket.get(line.ticketId) ?? '');
  const historyOf = groupBy(history, (entry) => customerOfTicket.get(entry.ticketId) ?? '');
  const agreementsOf = groupBy(facts.agreements, (entry) => entry.customerId);
  const packsOf = groupBy(facts.packs, (pack) => pack.customerId);
  return [...facts.customers]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((customer) => ({
      customer,
      plan: planInvoice(
        {
          company: facts.company,
          customer,
          period: facts.period,
          tickets: ticketsOf.get(customer.id) ?? [],
          lines: linesOf.get(customer.id) ?? [],
          agreements: agreementsOf.get(customer.id) ?? [],
          packs: packsOf.get(customer.id) ?? [],
          history: historyOf.get(customer.id) ?? [],
          defaultHourlyRate: facts.defaultHourlyRate,
        },
        settings,
      ),
    }));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
