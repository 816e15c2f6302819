import type { Agreement } from './facts';
import { compareDates } from './periods';
import type { LocalDate } from './types';

/**
 * The agreements as Tally bills them from `start` (`billing.startDate`): none is active before
 * it, so no monthly fee and no coverage reach back past the day billing began; one that ended
 * earlier is left out. Null: every agreement from its own start.
 */
export function agreementsFromBillingStart(
  agreements: readonly Agreement[],
  start: LocalDate | null,
): Agreement[] {
  if (start === null) return [...agreements];
  return agreements.flatMap((agreement) => {
    if (agreement.validTo !== null && compareDates(agreement.validTo, start) < 0) return [];
    const startsBefore =
      agreement.validFrom === null || compareDates(agreement.validFrom, start) < 0;
    return [startsBefore ? { ...agreement, validFrom: start } : agreement];
  });
}
