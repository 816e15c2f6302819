import { ticketId, type TicketId } from '../../domain/types';
import type { PeriodFacts } from '../read-period';
import { UNBILLED_STAMP } from '../../domain/work-stamp';
import { workStamps } from '../work-stamps';

/**
 * Which timesheets this period's plans bill as they are now, with their stamps: the period's own
 * lines, unless their customer's invoice of the period is posted or cancelled (it bills them as
 * they were; one it never billed gets `UNBILLED_STAMP`, so it is not taken for billed); and the earlier lines of the tickets a draft plans, whose charge it corrects from
 * the history (src/sync/billing-history.ts), when their own month's invoice is posted or
 * cancelled: their new stamps say the correction was made.
 */
export function stampsToWrite(
  facts: PeriodFacts,
  closedCustomers: ReadonlySet<string>,
  /** `<customer>:<YYYY-MM>` of every posted or cancelled Tally invoice (src/sync/billing-state.ts). */
  closedMonths: ReadonlySet<string>,
): { readonly own: Map<number, string>; readonly earlier: Map<number, Record<string, unknown>> } {
  const customerOf = new Map(facts.tickets.map((ticket) => [ticket.id, ticket.customerId]));
  const open = (ticketId: TicketId) => !closedCustomers.has(String(customerOf.get(ticketId) ?? ''));
  const first = `${facts.period}-01`;
  const stamps = workStamps({
    lines: facts.lines.filter((line) => open(line.ticketId)),
    tickets: facts.tickets,
  });
  const own = new Map<number, string>();
  const earlierIds = new Set<number>();
  for (const line of facts.lines) {
    const stamp = stamps.get(Number(line.id));
    if (stamp === undefined) continue;
    if (line.date < first) earlierIds.add(Number(line.id));
    else own.set(Number(line.id), stamp);
  }
  // A closed month's line that was never billed is marked, but stamped as not billed.
  for (const line of facts.odoo.timesheets) {
    const ticket = line.ticket_id === null ? null : ticketId(line.ticket_id.id);
    if (ticket !== null && !open(ticket) && line.x_tally_stamp == null)
      own.set(line.id, UNBILLED_STAMP);
  }
  const earlier = new Map<number, Record<string, unknown>>();
  for (const line of facts.odoo.earlierTimesheets) {
    const stamp = stamps.get(line.id);
    if (stamp === undefined || !earlierIds.has(line.id) || line.x_tally_stamp === stamp) continue;
    // Only time whose month finance closed: an open month's draft is re-planned to bill the
    // change itself, and time from before Tally was never billed by it.
    const month = `${customerOf.get(ticketId(line.ticket_id?.id ?? 0)) ?? ''}:${line.date.slice(0, 7)}`;
    if (!closedMonths.has(month)) continue;
    earlier.set(line.id, { x_tally_stamp: stamp });
  }
  return { own, earlier };
}
