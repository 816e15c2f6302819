import type { TicketFacts, WorkLine } from '../domain/facts';
import { workStamp } from '../domain/work-stamp';

/** Each line's stamp as billed now (src/domain/work-stamp.ts), by timesheet id; lines of tickets not read get none. */
export function workStamps(facts: {
  readonly lines: readonly WorkLine[];
  readonly tickets: readonly TicketFacts[];
}): Map<number, string> {
  const tickets = new Map(facts.tickets.map((ticket) => [ticket.id, ticket]));
  const stamps = new Map<number, string>();
  for (const line of facts.lines) {
    const ticket = tickets.get(line.ticketId);
    if (ticket !== undefined) stamps.set(Number(line.id), workStamp(line, ticket));
  }
  return stamps;
}
