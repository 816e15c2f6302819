import { classifyLines, periodBounds, type Decision, type EngineSettings } from '../domain';
import type { PeriodFacts } from './read-period';

/**
 * Decisions for the period's lines on tickets without a customer. They belong to no customer's
 * plan, and the sync holds every one of them for review; classifying them the same way lets
 * reports show that time instead of dropping it.
 */
export function unassignedDecisions(facts: PeriodFacts, settings: EngineSettings): Decision[] {
  const { first, last } = periodBounds(facts.period);
  const tickets = facts.tickets.filter((ticket) => ticket.customerId === null);
  const ids = new Set(tickets.map((ticket) => ticket.id));
  return classifyLines(
    {
      company: facts.company,
      customers: facts.customers,
      tickets,
      agreements: [],
      lines: facts.lines.filter(
        (line) => ids.has(line.ticketId) && line.date >= first && line.date <= last,
      ),
    },
    settings,
  );
}
