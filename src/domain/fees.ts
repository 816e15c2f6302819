import type { Agreement } from './facts';
import { prorate } from './money';
import { daysOfPeriod, periodBounds } from './periods';
import type { Problem } from './problems';
import { recordRef } from './problems';
import type { EngineSettings, TierDefinition } from './settings';
import { findTier } from './settings';
import { activeAgreements } from './tiers';
import type { CustomerId, MinorUnits, Period, TierKey } from './types';
import { compareIds, compareText } from './types';

/**
 * Monthly fees. Each tier with a fee that the customer holds on some day of the period bills one
 * fee line (patch and maintenance customers pay both fees). A day counts for a tier when an
 * agreement of that tier is active and the tier's prerequisites are active too; days without a
 * prerequisite are not billed and raise AGREEMENT_MAINTENANCE_WITHOUT_PATCH instead.
 * Proration (`billing.feeProration`): `daily` bills fee × days / days in month, rounded half-up
 * to the minor unit, so an agreement starting on 16 November bills 15/30; `none` bills the full
 * fee for any day. The fee is the customer's own (`Agreement.monthlyFee`, from the latest-starting
 * agreement of that tier in the period) or else the tier's configured fee.
 */

export interface FeeCharge {
  readonly tier: TierKey;
  readonly tierLabel: string;
  readonly days: number;
  readonly daysInPeriod: number;
  readonly monthlyFee: MinorUnits;
  readonly amount: MinorUnits;
  readonly agreementIds: readonly string[];
}

export interface FeePlan {
  readonly fees: readonly FeeCharge[];
  readonly problems: readonly Problem[];
}

function feeFor(tier: TierDefinition, agreements: readonly Agreement[]): MinorUnits | null {
  const latest = [...agreements].sort(
    (a, b) => compareText(b.validFrom ?? '', a.validFrom ?? '') || compareIds(a.id, b.id),
  )[0];
  return latest?.monthlyFee ?? tier.monthlyFee;
}

/** The monthly fee lines of one customer for one period (see the rules above). */
export function planFees(
  customerId: CustomerId,
  target: Period,
  agreements: readonly Agreement[],
  settings: EngineSettings,
): FeePlan {
  const days = new Map<TierKey, Set<string>>();
  const used = new Map<TierKey, Map<string, Agreement>>();
  const problems = new Map<string, Problem>();

  for (const day of daysOfPeriod(target)) {
    const active = activeAgreements(agreements, customerId, day);
    const activeTiers = new Set(active.map((agreement) => agreement.tier));
    for (const agreement of active) {
      const tier = findTier(settings, agreement.tier);
      if (!tier) continue;
      const missing = tier.requires.filter((required) => !activeTiers.has(required));
      if (missing.length > 0) {
        if (!problems.has(agreement.id)) {
          problems.set(agreement.id, {
            code: 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH',
            record: recordRef('agreement', agreement.id),
            date: day,
            tier: tier.key,
            missing,
            agreementId: agreement.id,
          });
        }
        continue;
      }
      days.set(tier.key, (days.get(tier.key) ?? new Set()).add(day));
      used.set(tier.key, (used.get(tier.key) ?? new Map()).set(agreement.id, agreement));
    }
  }

  const daysInPeriod = periodBounds(target).days;
  const fees: FeeCharge[] = [];
  const rank = (key: TierKey) => findTier(settings, key)?.rank ?? 0;
  const byRank = [...days.entries()].sort(([a], [b]) => rank(a) - rank(b) || compareText(a, b));
  for (const [key, tierDays] of byRank) {
    const tier = findTier(settings, key);
    const tierAgreements = [...(used.get(key)?.values() ?? [])];
    const monthlyFee = tier ? feeFor(tier, tierAgreements) : null;
    if (!tier || monthlyFee === null) continue;
    const amount =
      settings.billing.feeProration === 'daily'
        ? prorate(monthlyFee, tierDays.size, daysInPeriod)
        : monthlyFee;
    fees.push({
      tier: key,
      tierLabel: tier.label,
      days: tierDays.size,
      daysInPeriod,
      monthlyFee,
      amount,
      agreementIds: tierAgreements.map((agreement) => agreement.id).sort(compareIds),
    });
  }
  return { fees, problems: [...problems.values()] };
}
