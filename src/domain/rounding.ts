import type { BillingSettings, RoundingPolicy } from './settings';
import type { Minutes } from './types';
import { minutes } from './types';

/**
 * Rounding and the per-request minimum. Documented rule, per ticket (request):
 *
 *   billable(t)  = sum of its billable lines up to the end of the period, each line rounded first
 *                  when rounding.scope = 'line'
 *   target(t)    = 0 when billable(t) = 0 (covered-only tickets bill nothing), otherwise
 *                  max(round(billable(t)) when scope = 'request', minimumPerRequest)
 *   charge(t, P) = target(t) - billedBefore(t)     (what earlier periods billed, from invoices)
 *
 * so 15 min in November and 15 min in December bill 30 min in November and nothing in December.
 * A negative charge (time reduced after it was billed) is a correction on this period's draft.
 */

/** `value` rounded to the policy's increment (up, or nearest with halves up); 0 stays 0. */
export function roundToIncrement(value: Minutes, policy: RoundingPolicy): Minutes {
  const step = policy.increment;
  if (step <= 1 || value <= 0) return value;
  const steps =
    policy.mode === 'up' ? Math.ceil(value / step) : Math.floor((2 * value + step) / (2 * step));
  return minutes(steps * step);
}

/** A billable line's minutes as they count towards the ticket (rounded when scope = 'line'). */
export function countedLineMinutes(value: Minutes, billing: BillingSettings): Minutes {
  const policy = billing.rounding;
  return policy !== null && policy.scope === 'line' ? roundToIncrement(value, policy) : value;
}

/** The ticket's cumulative billed target from its counted billable minutes (see the rule above). */
export function ticketTarget(countedTotal: Minutes, billing: BillingSettings): Minutes {
  if (countedTotal <= 0) return minutes(0);
  const policy = billing.rounding;
  const rounded =
    policy !== null && policy.scope === 'request'
      ? roundToIncrement(countedTotal, policy)
      : countedTotal;
  return minutes(Math.max(rounded, billing.minimumPerRequest));
}
