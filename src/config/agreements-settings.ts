import { decimalToMinorUnits } from '../domain/money';
import type {
  CategoryDefinition,
  ClassificationRule,
  EngineSettings,
  TierDefinition,
} from '../domain/settings';
import { hoursToMinutes } from '../domain/time-units';
import type { MinorUnits } from '../domain/types';
import { categoryKey, minorUnits, minutes, tierKey } from '../domain/types';
import type { AgreementsConfig } from './agreements.schema';

/** Converts a validated config into the engine's plain settings (the domain never sees zod). */

function money(value: string | number | null, decimals: number): MinorUnits | null {
  if (value === null) return null;
  // Validated by agreements-checks.ts; a failure here means the checks and this code disagree.
  return decimalToMinorUnits(String(value), decimals) ?? minorUnits(0);
}

function patterns(values: readonly string[] | undefined): RegExp[] | undefined {
  return values?.map((value) => new RegExp(value, 'i'));
}

/** The engine settings encoded by a validated agreements config. */
export function toEngineSettings(config: AgreementsConfig): EngineSettings {
  const decimals = config.currencyDecimals;
  const categories = Object.entries(config.categories).map(
    ([key, category]): CategoryDefinition => ({
      key: categoryKey(key),
      label: category.label,
      aliases: category.aliases,
      hourlyRate: money(category.hourlyRate, decimals),
    }),
  );
  const tiers = Object.entries(config.tiers).map(([key, tier]): TierDefinition => ({
    key: tierKey(key),
    label: tier.label,
    rank: tier.rank,
    covers: tier.covers.map(categoryKey),
    requires: tier.requires.map(tierKey),
    monthlyFee: money(tier.monthlyFee, decimals),
  }));
  const rules = config.rules.map((rule): ClassificationRule => ({
    id: rule.id,
    category: categoryKey(rule.category),
    when: {
      ...(rule.when.ticketCategory && { ticketCategory: rule.when.ticketCategory }),
      ...(rule.when.ticketType && { ticketType: rule.when.ticketType }),
      ...(rule.when.ticketTags && { ticketTags: rule.when.ticketTags }),
      ...(rule.when.team && { team: rule.when.team }),
      ...(rule.when.keywords && { keywords: patterns(rule.when.keywords) }),
      ...(rule.when.lineKeywords && { lineKeywords: patterns(rule.when.lineKeywords) }),
    },
  }));
  const { billing, prepaid } = config;
  return {
    categories,
    alwaysBilled: config.alwaysBilled.map(categoryKey),
    tiers,
    defaultTier: config.defaultTier === null ? null : tierKey(config.defaultTier),
    rules,
    linePrefixes: { unknown: config.linePrefixes.unknown, ignore: config.linePrefixes.ignore },
    billing: {
      hourlyRate: money(billing.hourlyRate, decimals),
      minimumPerRequest: minutes(billing.minimumPerRequestMinutes),
      rounding:
        billing.rounding === null
          ? null
          : {
              increment: minutes(billing.rounding.incrementMinutes),
              scope: billing.rounding.scope,
              mode: billing.rounding.mode,
            },
      feeProration: billing.feeProration,
      authorisationCap:
        billing.authorisationCapHours === null
          ? null
          : hoursToMinutes(billing.authorisationCapHours, 'nearest_minute'),
    },
    prepaid: {
      products: prepaid.packs.map((pack) => ({
        productCode: pack.productCode,
        minutesPerUnit: hoursToMinutes(pack.hours, 'nearest_minute'),
        expiryMonths: pack.expiryMonths,
      })),
      lowBalanceThreshold: hoursToMinutes(prepaid.lowBalanceThresholdHours, 'nearest_minute'),
    },
  };
}
