import type { Agreement } from '../../domain/facts';
import type { LocalDate } from '../../domain/types';
import { customerId, tierKey } from '../../domain/types';
import type { Partner } from '../../odoo/records/partner';

/** Tier key → the partner tag name that means it (`sources.tier.tags` of the agreements config). */
export type TierTags = Readonly<Record<string, string>>;

const normalise = (name: string): string => name.trim().toLowerCase();

/**
 * Agreements a commercial partner holds through its tags: one per tag named for a tier, with the
 * stable id `partner_tags:<partner>:<tier>`. Tags carry no dates, so each starts on `validFrom`
 * (the configured day, else the partner's creation) and never ends. Tag names compare
 * case-insensitively; other tags are ignored.
 */
export function agreementsFromPartnerTags(
  partner: Partner,
  tagName: (tagId: number) => string | undefined,
  tierTags: TierTags,
  validFrom: LocalDate | null,
): Agreement[] {
  const tierByTag = new Map(
    Object.entries(tierTags).map(([tier, tag]) => [normalise(tag), tier] as const),
  );
  const tiers = new Map<string, string>();
  for (const tagId of partner.category_id) {
    const name = tagName(tagId);
    const tier = name === undefined ? undefined : tierByTag.get(normalise(name));
    if (name !== undefined && tier !== undefined && !tiers.has(tier)) tiers.set(tier, name);
  }
  return [...tiers].map(([tier, name]) => ({
    id: `partner_tags:${partner.id}:${tier}`,
    customerId: customerId(partner.id),
    tier: tierKey(tier),
    validFrom,
    validTo: null,
    source: `partner tag "${name}"`,
  }));
}
