import { billedBefore, countedBeforePeriod } from '../domain/billed-before';
import type { TicketBillingHistory } from '../domain/facts';
import { compareDates, periodBounds } from '../domain/periods';
import type { EngineSettings } from '../domain/settings';
import type { Minutes, Period, TicketId } from '../domain/types';
import { minutes } from '../domain/types';
import type { PeriodFacts } from './read-period';
import { CHARGED_KINDS, type LedgerEntry } from './write/billing-ledger';

const CHARGED: ReadonlySet<string> = new Set(CHARGED_KINDS);

/**
 * What earlier periods billed per ticket: months with a Tally invoice (draft, posted or
 * cancelled) as that invoice says, months after the customer's first Tally invoice without one
 * nothing, and months before it as the rules would have billed them (`billedBefore` in the
 * domain holds the rule).
 */
export function billingHistory(
  facts: PeriodFacts,
  ledger: readonly LedgerEntry[],
  settings: EngineSettings,
  /** `<customer>:<YYYY-MM>` of every Tally invoice, whatever its lines. */
  invoiced: ReadonlySet<string>,
): TicketBillingHistory[] {
  const period = facts.period as Period;
  const customerOfTicket = new Map(facts.tickets.map((ticket) => [ticket.id, ticket.customerId]));
  const charged = chargedByTicketAndPeriod(ledger, period);
  // An invoice charged the ticket that month (under whichever customer then had it), or the
  // ticket's customer has an invoice that month that did not charge it.
  const isInvoiced = (ticketId: TicketId, month: Period): boolean =>
    charged.has(`${ticketId}\u0000${month}`) ||
    invoiced.has(`${customerOfTicket.get(ticketId) ?? ''}:${month}`);
  const tallySince = firstInvoicedPeriods(invoiced);
  // After Tally's first invoice for the customer, a month without one billed nothing.
  const afterTallyBegan = (ticketId: TicketId, month: Period): boolean => {
    const since = tallySince.get(String(customerOfTicket.get(ticketId) ?? ''));
    return since !== undefined && compareDates(month, since) > 0;
  };
  const rows = new Map<string, { ticketId: TicketId; period: Period; counted: Minutes }>();
  for (const row of countedBeforePeriod(facts, periodBounds(period).first, settings))
    rows.set(`${row.ticketId}\u0000${row.period}`, row);
  for (const key of charged.keys()) {
    if (rows.has(key)) continue;
    const [ticketId, month] = key.split('\u0000') as [TicketId, Period];
    rows.set(key, { ticketId, period: month, counted: minutes(0) });
  }
  return billedBefore(
    [...rows].map(([key, row]) => ({
      ...row,
      invoiced:
        isInvoiced(row.ticketId, row.period) || afterTallyBegan(row.ticketId, row.period)
          ? minutes(charged.get(key) ?? 0)
          : null,
    })),
    settings.billing,
  );
}

/** Minutes Tally's invoices charged per ticket and period, before `period`. */
function chargedByTicketAndPeriod(
  ledger: readonly LedgerEntry[],
  period: Period,
): Map<string, number> {
  const charged = new Map<string, number>();
  for (const entry of ledger) {
    if (entry.ticketId === null || compareDates(entry.period, period) >= 0) continue;
    if (!CHARGED.has(entry.kind)) continue;
    const key = `${entry.ticketId}\u0000${entry.period}`;
    charged.set(key, (charged.get(key) ?? 0) + entry.minutes);
  }
  return charged;
}

/** Per customer, the first period a Tally invoice exists for (`<customer>:<YYYY-MM>` keys). */
function firstInvoicedPeriods(invoiced: ReadonlySet<string>): Map<string, Period> {
  const first = new Map<string, Period>();
  for (const key of invoiced) {
    const [customer, month] = key.split(':') as [string, Period];
    const known = first.get(customer);
    if (known === undefined || compareDates(month, known) < 0) first.set(customer, month);
  }
  return first;
}
