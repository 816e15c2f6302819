import { classifyLines } from '../domain/classify';
import type { TicketBillingHistory } from '../domain/facts';
import { compareDates } from '../domain/periods';
import { countedLineMinutes, ticketTarget } from '../domain/rounding';
import type { EngineSettings } from '../domain/settings';
import type { LocalDate, TicketId } from '../domain/types';
import { minutes } from '../domain/types';
import type { ClassificationInput } from '../domain/classify';

/**
 * What earlier periods billed per ticket, *assumed* from the ticket's earlier lines: the target
 * the rules give those lines as of the day before the period (so 15 min last month billed the
 * 30-minute minimum then, and this month's 15 min bill nothing). Until the write half reads the
 * real billed quantities from earlier drafts and invoices, a dry run trusts that earlier periods
 * were billed by these same rules.
 */
export function deriveHistory(
  input: ClassificationInput,
  periodStart: LocalDate,
  settings: EngineSettings,
): TicketBillingHistory[] {
  const earlier = input.lines.filter((line) => compareDates(line.date, periodStart) < 0);
  const counted = new Map<TicketId, number>();
  for (const decision of classifyLines({ ...input, lines: earlier }, settings)) {
    if (decision.coverage !== 'billable') continue;
    const time = countedLineMinutes(decision.minutes, settings.billing);
    counted.set(decision.ticketId, (counted.get(decision.ticketId) ?? 0) + time);
  }
  return [...counted].map(([ticket, total]) => ({
    ticketId: ticket,
    billedBefore: ticketTarget(minutes(total), settings.billing),
  }));
}
