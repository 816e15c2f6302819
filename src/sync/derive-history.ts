import { billedBefore, countedBeforePeriod } from '../domain/billed-before';
import type { ClassificationInput } from '../domain/classify';
import type { TicketBillingHistory } from '../domain/facts';
import type { EngineSettings } from '../domain/settings';
import type { LocalDate } from '../domain/types';

/**
 * What earlier periods billed per ticket, *assumed* from the ticket's earlier lines, as a dry run
 * without invoices takes it: every earlier month billed by these same rules (so 15 min last month
 * billed the 30-minute minimum then, and this month's 15 min bill nothing).
 */
export function deriveHistory(
  input: ClassificationInput,
  periodStart: LocalDate,
  settings: EngineSettings,
): TicketBillingHistory[] {
  return billedBefore(
    countedBeforePeriod(input, periodStart, settings).map((row) => ({ ...row, invoiced: null })),
    settings.billing,
  );
}
