import type { CategoryDefinition, EngineSettings, TierDefinition } from './settings';

/** What a category of work costs under a tier: included in the agreement, or billed. */
export type Coverage = 'covered' | 'billable' | 'review';

export interface CoverageOutcome {
  readonly coverage: 'covered' | 'billable';
  readonly ruleId: string;
  /** One line for humans, e.g. "Bug fix: covered by Maintenance and Support Agreement". */
  readonly reason: string;
}

/**
 * Coverage of `category` under `tier`. The always-billed list wins over any tier (the config
 * rejects a tier covering an always-billed category, so this order only matters for hand-built
 * settings); then the tier's `covers`; everything else is billed hourly.
 */
export function coverageOf(
  settings: EngineSettings,
  tier: TierDefinition,
  category: CategoryDefinition,
): CoverageOutcome {
  if (settings.alwaysBilled.includes(category.key)) {
    return {
      coverage: 'billable',
      ruleId: 'coverage:always-billed',
      reason: `${category.label}: always billed separately`,
    };
  }
  if (tier.covers.includes(category.key)) {
    return {
      coverage: 'covered',
      ruleId: `coverage:included:${tier.key}`,
      reason: `${category.label}: covered by ${tier.label}`,
    };
  }
  return {
    coverage: 'billable',
    ruleId: `coverage:not-included:${tier.key}`,
    reason: `${category.label}: not covered by ${tier.label}, billed hourly`,
  };
}
