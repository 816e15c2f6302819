import type { Agreement } from './facts';
import { isWithin } from './periods';
import type { Problem } from './problems';
import { recordRef } from './problems';
import type { EngineSettings, TierDefinition } from './settings';
import { findTier } from './settings';
import type { CustomerId, LocalDate, TierKey } from './types';
import { compareIds } from './types';

/**
 * Which agreement tier applies to a customer on a day. Rules:
 * - an agreement is active from `validFrom` to `validTo`, both inclusive (null = open);
 * - when several are active, the highest `rank` wins (ties: smallest agreement id);
 * - the winner's required tiers (maintenance requires patch) must be active the same day, else the
 *   decision carries AGREEMENT_MAINTENANCE_WITHOUT_PATCH and the work goes to review (never a guess
 *   at a lower tier);
 * - other active tiers that the winner does not require are overridden, reported as a warning
 *   (AGREEMENT_OVERLAP) because two unrelated agreements on one day usually mean a data mistake;
 * - no agreement: the configured `defaultTier`, or NO_AGREEMENT when it is null.
 */

export const DEFAULT_TIER_RULE = 'agreement:default-tier';

export interface TierResolution {
  /** The tier that applies; null when none could be determined. */
  readonly tier: TierDefinition | null;
  /** The agreements that decided (the winner first, then its prerequisites). */
  readonly agreementIds: readonly string[];
  readonly ruleId: string;
  readonly problems: readonly Problem[];
}

function requiredClosure(tier: TierDefinition, settings: EngineSettings): Set<TierKey> {
  const seen = new Set<TierKey>();
  const pending = [...tier.requires];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    pending.push(...(findTier(settings, next)?.requires ?? []));
  }
  return seen;
}

/** Agreements of `customerId` active on `date`, each with its tier definition. */
export function activeAgreements(
  agreements: readonly Agreement[],
  customerId: CustomerId,
  date: LocalDate,
): Agreement[] {
  return agreements
    .filter((agreement) => agreement.customerId === customerId)
    .filter((agreement) => isWithin(date, agreement.validFrom, agreement.validTo))
    .sort((a, b) => compareIds(a.id, b.id));
}

/** Resolves the tier of `customerId` on `date` (see the rules above). */
export function resolveTier(
  agreements: readonly Agreement[],
  customerId: CustomerId,
  date: LocalDate,
  settings: EngineSettings,
): TierResolution {
  const problems: Problem[] = [];
  const active: { agreement: Agreement; tier: TierDefinition }[] = [];
  for (const agreement of activeAgreements(agreements, customerId, date)) {
    const tier = findTier(settings, agreement.tier);
    if (tier) active.push({ agreement, tier });
    else {
      problems.push({
        code: 'AGREEMENT_UNKNOWN_TIER',
        record: recordRef('agreement', agreement.id),
        tier: agreement.tier,
      });
    }
  }

  const winner = [...active].sort(
    (a, b) => b.tier.rank - a.tier.rank || compareIds(a.agreement.id, b.agreement.id),
  )[0];
  if (!winner) {
    const fallback =
      settings.defaultTier === null ? undefined : findTier(settings, settings.defaultTier);
    if (fallback) return { tier: fallback, agreementIds: [], ruleId: DEFAULT_TIER_RULE, problems };
    problems.push({ code: 'NO_AGREEMENT', record: recordRef('customer', customerId), date });
    return { tier: null, agreementIds: [], ruleId: DEFAULT_TIER_RULE, problems };
  }

  const ruleId = `agreement:${winner.agreement.id}`;
  const agreementIds = [winner.agreement.id];
  const missing: TierKey[] = [];
  for (const required of winner.tier.requires) {
    const holder = active.find((entry) => entry.tier.key === required);
    if (holder) agreementIds.push(holder.agreement.id);
    else missing.push(required);
  }
  if (missing.length > 0) {
    problems.push({
      code: 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH',
      record: recordRef('agreement', winner.agreement.id),
      date,
      tier: winner.tier.key,
      missing,
      agreementId: winner.agreement.id,
    });
  }

  const related = requiredClosure(winner.tier, settings);
  const overridden = active
    .filter((entry) => entry.tier.key !== winner.tier.key && !related.has(entry.tier.key))
    .map((entry) => entry.agreement.id);
  if (overridden.length > 0) {
    problems.push({
      code: 'AGREEMENT_OVERLAP',
      record: recordRef('customer', customerId),
      date,
      chosen: winner.agreement.id,
      overridden,
    });
  }
  return { tier: winner.tier, agreementIds, ruleId, problems };
}
