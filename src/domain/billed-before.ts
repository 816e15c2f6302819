import { classifyLines, type ClassificationInput } from './classify';
import type { TicketBillingHistory } from './facts';
import { compareDates, periodOfDate } from './periods';
import { countedLineMinutes, ticketTarget } from './rounding';
import type { BillingSettings, EngineSettings } from './settings';
import type { LocalDate, Minutes, Period, TicketId } from './types';
import { minutes } from './types';

/** One ticket in one earlier period: the billable time logged, and what an invoice charged. */
export interface TicketPeriodBilling {
  readonly ticketId: TicketId;
  readonly period: Period;
  /** Billable minutes of the period's lines, as counted (per-line rounding applied). */
  readonly counted: Minutes;
  /**
   * What Tally billed the ticket that month: its invoice's charge, or 0 for a month after Tally
   * began invoicing the customer that has no invoice (nothing was due then, or it was never
   * synced: what is due now is billed by the month planned). Null: a month before Tally invoiced
   * the customer at all.
   */
  readonly invoiced: Minutes | null;
}

/**
 * What earlier periods billed per ticket, month by month in order. A month Tally billed counts
 * what it billed. A month from before Tally is assumed billed by these same rules: the ticket's
 * target so far (its counted time, raised to the minimum) less everything billed before it, never
 * below zero. Counting the time of every month, Tally's included, means a minimum already billed
 * is never assumed billed twice.
 */
export function billedBefore(
  rows: readonly TicketPeriodBilling[],
  billing: BillingSettings,
): TicketBillingHistory[] {
  const byTicket = new Map<TicketId, TicketPeriodBilling[]>();
  for (const row of rows) byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row]);
  return [...byTicket].map(([ticketId, periods]) => {
    let counted = 0;
    let billed = 0;
    for (const row of [...periods].sort((a, b) => compareDates(a.period, b.period))) {
      counted += row.counted;
      billed += row.invoiced ?? Math.max(0, ticketTarget(minutes(counted), billing) - billed);
    }
    return { ticketId, billedBefore: minutes(billed) };
  });
}

/** Billable minutes per ticket and period of every line dated before `periodStart`. */
export function countedBeforePeriod(
  input: ClassificationInput,
  periodStart: LocalDate,
  settings: EngineSettings,
): { ticketId: TicketId; period: Period; counted: Minutes }[] {
  const earlier = input.lines.filter((line) => compareDates(line.date, periodStart) < 0);
  const counted = new Map<string, { ticketId: TicketId; period: Period; counted: number }>();
  for (const decision of classifyLines({ ...input, lines: earlier }, settings)) {
    if (decision.coverage !== 'billable') continue;
    const period = periodOfDate(decision.date);
    const key = `${decision.ticketId}\u0000${period}`;
    const entry = counted.get(key) ?? { ticketId: decision.ticketId, period, counted: 0 };
    entry.counted += countedLineMinutes(decision.minutes, settings.billing);
    counted.set(key, entry);
  }
  return [...counted.values()].map((entry) => ({ ...entry, counted: minutes(entry.counted) }));
}
