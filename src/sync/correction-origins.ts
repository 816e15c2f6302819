import type { InvoicePlan } from '../domain/plan-types';
import type { TicketId } from '../domain/types';
import { invoicesOfTicket, type LedgerEntry } from './write/billing-ledger';

/** The invoice numbers that billed a ticket before the plan's period, from the ledger. */
export function originsIn(
  ledger: readonly LedgerEntry[],
  plan: Pick<InvoicePlan, 'period'>,
): (ticketId: TicketId) => string[] {
  return (ticketId) => invoicesOfTicket(ledger, ticketId, plan.period);
}

/**
 * Names on each correction line the invoices whose billing it corrects: in `corrects`, and in the
 * label the draft line gets. The drafts, reports, statements and explanations all read this plan,
 * so they name the same invoices.
 */
export function withCorrectionOrigins(
  plan: InvoicePlan,
  ledger: readonly LedgerEntry[],
): InvoicePlan {
  const originsOf = originsIn(ledger, plan);
  return {
    ...plan,
    sections: plan.sections.map((section) => {
      const origins = section.lines.some((line) => line.kind === 'correction')
        ? originsOf(section.ticketId)
        : [];
      if (origins.length === 0) return section;
      return {
        ...section,
        lines: section.lines.map((line) =>
          line.kind === 'correction'
            ? {
                ...line,
                label: `${line.label} (corrects ${origins.join(', ')})`,
                corrects: origins,
              }
            : line,
        ),
      };
    }),
  };
}
