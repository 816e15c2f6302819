import {
  compareIds,
  compareText,
  formatHours,
  minorUnits,
  minutes,
  type BillingSettings,
  type Decision,
  type InvoicePlan,
  type Minutes,
  type PlanLine,
  type TicketFacts,
  type TicketId,
} from '../../domain';
import type { StatementTicket } from './statement';

const total = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0);

const minutesOf = (lines: readonly PlanLine[], kinds: readonly PlanLine['kind'][]): Minutes =>
  minutes(
    total(lines.filter((line) => kinds.includes(line.kind)).map((line) => line.minutes ?? 0)),
  );

const minutesWith = (decisions: readonly Decision[], coverage: Decision['coverage']): Minutes =>
  minutes(total(decisions.filter((d) => d.coverage === coverage).map((d) => d.minutes)));

const hoursText = (time: number) => `${formatHours(minutes(Math.abs(time)))} h`;

/** What a ticket's correction lines do, naming the invoices they correct; null without any. */
function correctionNote(corrections: readonly PlanLine[]): string | null {
  const time = total(corrections.map((line) => line.minutes ?? 0));
  if (time === 0) return null;
  const names = [...new Set(corrections.flatMap((line) => line.corrects ?? []))];
  const invoices = names.length === 0 ? 'an earlier invoice' : names.join(', ');
  return time > 0
    ? `${hoursText(time)} corrects ${invoices}: time of an earlier month added after it was invoiced`
    : `${hoursText(time)} credited, correcting ${invoices}: time billed in an earlier month was reduced`;
}

/** Why the minimum or rounding charged more or less than the billable time; null when not. */
function minimumNote(adjustment: number, billing: BillingSettings): string | null {
  if (adjustment === 0) return null;
  if (adjustment < 0) {
    return `${hoursText(adjustment)} less: already charged in an earlier month (minimum per request)`;
  }
  const minimum =
    billing.minimumPerRequest > 0
      ? `the ${billing.minimumPerRequest}-minute minimum per request`
      : null;
  const rounding =
    billing.rounding === null
      ? null
      : `rounding ${billing.rounding.mode === 'up' ? 'up' : 'to the nearest'} to ${billing.rounding.increment} minutes`;
  const rule = [minimum, rounding].filter((text) => text !== null).join(' or ');
  return `${hoursText(adjustment)} added: ${rule === '' ? 'earlier time not yet charged' : rule}`;
}

/**
 * Why a ticket was charged more or less than the billable time logged in the period: its
 * corrections of earlier invoices (named), then what the minimum or rounding changed.
 */
export function adjustmentNote(
  adjustment: Minutes,
  billing: BillingSettings,
  lines: readonly PlanLine[],
): string | null {
  const corrections = lines.filter((line) => line.kind === 'correction');
  const corrected = total(corrections.map((line) => line.minutes ?? 0));
  const notes = [correctionNote(corrections), minimumNote(adjustment - corrected, billing)];
  const text = notes.filter((note) => note !== null).join('; ');
  return text === '' ? null : text;
}

/**
 * One row per ticket with work in the period: logged, covered, held and charged time from the
 * plan's decisions and section lines, ordered by ticket number like the invoice.
 */
export function ticketRows(
  plan: InvoicePlan,
  tickets: ReadonlyMap<TicketId, TicketFacts>,
  billing: BillingSettings,
): StatementTicket[] {
  const ids = new Set<TicketId>([
    ...plan.decisions.map((decision) => decision.ticketId),
    ...plan.sections.map((section) => section.ticketId),
  ]);
  const rows = [...ids].map((ticketId): StatementTicket => {
    const decisions = plan.decisions.filter((decision) => decision.ticketId === ticketId);
    const lines = plan.sections
      .filter((section) => section.ticketId === ticketId)
      .flatMap((section) => section.lines);
    const billable = minutesWith(decisions, 'billable');
    const drawn = minutesOf(lines, ['drawdown']);
    const invoiced = minutesOf(lines, ['billed', 'correction']);
    const adjustment = minutes(drawn + invoiced - billable);
    const ticket = tickets.get(ticketId);
    return {
      ticketId,
      number: ticket?.number ?? `#${ticketId}`,
      name: ticket?.name ?? '(ticket not readable)',
      logged: minutes(total(decisions.map((decision) => decision.minutes))),
      covered: minutesWith(decisions, 'covered'),
      review: minutesWith(decisions, 'review'),
      billable,
      drawn,
      invoiced,
      adjustment,
      adjustmentNote: adjustmentNote(adjustment, billing, lines),
      // Held lines each name their timesheet; the rows say how much is held, the review list why.
      reasons: [
        ...new Set(
          decisions.filter((d) => d.coverage !== 'review').map((decision) => decision.reason),
        ),
      ],
      amount: minorUnits(total(lines.map((line) => line.amount))),
    };
  });
  return rows.sort((a, b) => compareText(a.number, b.number) || compareIds(a.ticketId, b.ticketId));
}
