import type { CategoryKey, MinorUnits, Minutes, TierKey } from './types';

/**
 * The engine's view of the agreements config: plain values, already validated and converted by
 * `src/config/load-agreements.ts` (the domain never sees zod or YAML).
 */

export interface CategoryDefinition {
  readonly key: CategoryKey;
  /** Human label used in reasons and matched against ticket categories, e.g. "Bug fix". */
  readonly label: string;
  /** Extra names (case-insensitive) that also mean this category on tickets and line prefixes. */
  readonly aliases: readonly string[];
  /** Hourly rate for this category; null = the default hourly rate. */
  readonly hourlyRate: MinorUnits | null;
}

export interface TierDefinition {
  readonly key: TierKey;
  /** Human label, e.g. "Maintenance and Support Agreement". */
  readonly label: string;
  /** Higher rank wins when agreements overlap on a day. */
  readonly rank: number;
  /** Categories covered at no extra cost. */
  readonly covers: readonly CategoryKey[];
  /** Tiers that must be active on the same day (maintenance requires patch). */
  readonly requires: readonly TierKey[];
  /** Monthly fee in minor units; null = no fee line on the invoice. */
  readonly monthlyFee: MinorUnits | null;
}

/** One configured classification rule; all given conditions must hold (AND), any value within one (OR). */
export interface ClassificationRule {
  readonly id: string;
  readonly category: CategoryKey;
  readonly when: {
    /** Ticket category names (OCA `category_id`), case-insensitive. */
    readonly ticketCategory?: readonly string[];
    /** Ticket type names (`type_id` / `ticket_type_id`), case-insensitive. */
    readonly ticketType?: readonly string[];
    /** Any of these tag names on the ticket, case-insensitive. */
    readonly ticketTags?: readonly string[];
    /** Helpdesk team names, case-insensitive. */
    readonly team?: readonly string[];
    /** Any of these patterns found in the ticket's name or description. */
    readonly keywords?: readonly RegExp[];
    /** Any of these patterns found in the timesheet line's description (a line-level rule). */
    readonly lineKeywords?: readonly RegExp[];
  };
}

export type RoundingScope = 'line' | 'request';
export type RoundingMode = 'up' | 'nearest';

export interface RoundingPolicy {
  readonly increment: Minutes;
  /** `line`: each billable line is rounded; `request`: the ticket's billable total is rounded. */
  readonly scope: RoundingScope;
  /** `up` = to the next increment (usual for billing); `nearest` = halves up. */
  readonly mode: RoundingMode;
}

/** `daily`: a fee for a partial month is prorated by days; `none`: any day bills the full month. */
export type FeeProration = 'daily' | 'none';

export interface BillingSettings {
  /** Default hourly rate; null = the hourly product's sales price (the sync layer resolves it). */
  readonly hourlyRate: MinorUnits | null;
  /** Minimum billed per request (ticket) across all periods; 0 disables it. */
  readonly minimumPerRequest: Minutes;
  readonly rounding: RoundingPolicy | null;
  readonly feeProration: FeeProration;
  /** Billed time a ticket authorises before the customer must approve more; null = off. */
  readonly authorisationCap: Minutes | null;
}

/** A product sold as a prepaid pack, e.g. SUPPORT-PACK-25 = 25 hours per unit sold. */
export interface PackProductDefinition {
  /** Internal reference (`default_code`) of the product. */
  readonly productCode: string;
  /** Hours bought per unit sold (when sold in a non-time unit of measure). */
  readonly minutesPerUnit: Minutes;
  /** Months after the order date the pack expires; null = never. */
  readonly expiryMonths: number | null;
}

export interface PrepaidSettings {
  readonly products: readonly PackProductDefinition[];
  /** The customer's usable prepaid balance dropping below this raises a `prepaid_low_balance` event. */
  readonly lowBalanceThreshold: Minutes;
}

/** What a line's `[prefix]` naming no category does: `hold` it for review, or let the `ticket` decide. */
export type UnknownPrefixPolicy = 'hold' | 'ticket';

export interface LinePrefixSettings {
  readonly unknown: UnknownPrefixPolicy;
  /** Bracket texts that are no category and no mistake either, e.g. "WIP" (compared as names are). */
  readonly ignore: readonly string[];
}

export interface EngineSettings {
  readonly categories: readonly CategoryDefinition[];
  readonly alwaysBilled: readonly CategoryKey[];
  readonly tiers: readonly TierDefinition[];
  /** Tier of a customer with no agreement on a day; null = such a line is a `NO_AGREEMENT` problem. */
  readonly defaultTier: TierKey | null;
  readonly rules: readonly ClassificationRule[];
  readonly linePrefixes: LinePrefixSettings;
  readonly billing: BillingSettings;
  readonly prepaid: PrepaidSettings;
}

/** The category definition for `key`, if configured. */
export function findCategory(
  settings: EngineSettings,
  key: CategoryKey,
): CategoryDefinition | undefined {
  return settings.categories.find((category) => category.key === key);
}

/** The tier definition for `key`, if configured. */
export function findTier(settings: EngineSettings, key: TierKey): TierDefinition | undefined {
  return settings.tiers.find((tier) => tier.key === key);
}
