import { agreementsFromPartnerTags } from '../../../../src/sync/map/map-agreements';
import { aPartner } from './odoo-rows';
import { localDate } from '../../../../src/domain/types';

const TIER_TAGS = {
  on_demand: 'On Demand',
  patch: 'Patch Agreement',
  maintenance: 'Maintenance and Support Agreement',
};
const TAG_NAMES: Record<number, string> = {
  1: 'On Demand',
  2: 'Patch Agreement',
  3: 'Maintenance and Support Agreement',
  4: 'VIP',
  5: 'patch agreement ',
};

describe('agreementsFromPartnerTags', () => {
  it.each([
    { case: 'no tag', tags: [], tiers: [] },
    { case: 'an unrelated tag', tags: [4], tiers: [] },
    { case: 'On Demand', tags: [1], tiers: ['on_demand'] },
    { case: 'Patch', tags: [2, 4], tiers: ['patch'] },
    { case: 'Maintenance + Patch', tags: [3, 2], tiers: ['maintenance', 'patch'] },
    { case: 'Maintenance without Patch', tags: [3], tiers: ['maintenance'] },
    { case: 'names differing in case and spaces', tags: [5], tiers: ['patch'] },
    { case: 'two tags meaning one tier', tags: [2, 5], tiers: ['patch'] },
    { case: 'a tag that was not read', tags: [42], tiers: [] },
  ])('$case → $tiers', ({ tags, tiers }) => {
    const agreements = agreementsFromPartnerTags(
      aPartner({ id: 44, category_id: tags }),
      (id) => TAG_NAMES[id],
      TIER_TAGS,
      null,
    );
    expect(agreements.map((agreement) => agreement.tier)).toEqual(tiers);
  });

  it('builds open-ended agreements from the day given, with a stable id and a readable source', () => {
    expect(
      agreementsFromPartnerTags(
        aPartner({ id: 44, category_id: [2] }),
        (id) => TAG_NAMES[id],
        TIER_TAGS,
        localDate('2025-06-01'),
      ),
    ).toEqual([
      {
        id: 'partner_tags:44:patch',
        customerId: '44',
        tier: 'patch',
        validFrom: '2025-06-01',
        validTo: null,
        source: 'partner tag "Patch Agreement"',
      },
    ]);
  });
});
