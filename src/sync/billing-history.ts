import type { TicketBillingHistory } from '../domain/facts';
import { periodOfDate, periodBounds } from '../domain/periods';
import type { EngineSettings } from '../domain/settings';
import type { Period } from '../domain/types';
import { minutes } from '../domain/types';
import { deriveHistory } from './derive-history';
import type { PeriodFacts } from './read-period';
import { ledgerHistory, type LedgerEntry } from './write/billing-ledger';

/**
 * What earlier periods billed per ticket. Periods a Tally invoice exists for (draft, posted or
 * cancelled) count what that invoice says; earlier periods without one (before Tally was used)
 * are assumed billed by these same rules, as a dry run assumes. The two add up because the
 * ledger of invoiced periods already records each charge net of what came before it.
 */
export function billingHistory(
  facts: PeriodFacts,
  ledger: readonly LedgerEntry[],
  settings: EngineSettings,
  /** `<customer>:<YYYY-MM>` of every Tally invoice, whatever its lines. */
  invoiced: ReadonlySet<string>,
): TicketBillingHistory[] {
  const customerOfTicket = new Map(facts.tickets.map((ticket) => [ticket.id, ticket.customerId]));
  const uninvoicedLines = facts.lines.filter(
    (line) =>
      !invoiced.has(`${customerOfTicket.get(line.ticketId) ?? ''}:${periodOfDate(line.date)}`),
  );
  const derived = deriveHistory(
    { ...facts, lines: uninvoicedLines },
    periodBounds(facts.period as Period).first,
    settings,
  );
  const total = new Map<string, number>();
  for (const entry of [...derived, ...ledgerHistory(ledger, facts.period)]) {
    total.set(entry.ticketId, (total.get(entry.ticketId) ?? 0) + entry.billedBefore);
  }
  return [...total].map(([ticketId, billed]) => ({
    ticketId: ticketId as TicketBillingHistory['ticketId'],
    billedBefore: minutes(billed),
  }));
}
