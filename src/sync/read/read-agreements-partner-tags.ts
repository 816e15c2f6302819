import { localDateOfInstant } from '../../domain/periods';
import { localDate } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { NAMED_RECORD_FIELDS, NamedRecordSchema } from '../../odoo/records/context-records';
import { agreementsFromPartnerTags, type TierTags } from '../map/map-agreements';
import type { SyncProblem } from '../map/mapped';
import { searchAllParsed, type OdooReader } from './odoo-reader';
import { PARTNER_SPEC, type PartnerDirectory } from './partner-directory';
import type { AgreementsRead } from './agreement-source';

/**
 * Agreements from partner tags: every commercial partner tagged with a tier holds it from the
 * configured `validFrom`, else from the day it was created in Odoo (in the company's zone): a
 * backfilled month never bills a customer that did not exist yet. Tags are looked up by their
 * exact configured names; tags on contacts are ignored.
 */
export async function readPartnerTagAgreements(
  reader: OdooReader,
  partners: PartnerDirectory,
  source: { readonly tags: TierTags; readonly validFrom: string | null },
  timeZone: string,
  onlyCustomer?: number,
): Promise<AgreementsRead> {
  const tierTags = source.tags;
  const tags = await searchAllParsed(
    reader,
    { model: MODELS.partnerTag, schema: NamedRecordSchema, fields: NAMED_RECORD_FIELDS },
    where('name', 'in', Object.values(tierTags)),
  );
  const problems: SyncProblem[] = [...tags.problems];
  const tagNames = new Map(tags.records.map((tag) => [tag.id, tag.name] as const));
  if (tagNames.size === 0) return { agreements: [], problems };

  const tagged = await searchAllParsed(
    reader,
    PARTNER_SPEC,
    and(
      where('category_id', 'in', [...tagNames.keys()]),
      onlyCustomer === undefined ? [] : where('id', '=', onlyCustomer),
    ),
  );
  problems.push(...tagged.problems);
  partners.remember(tagged.records);
  const agreements = tagged.records
    .filter((partner) => partners.commercialPartnerOf(partner.id) === partner.id)
    .flatMap((partner) =>
      agreementsFromPartnerTags(
        partner,
        (tag) => tagNames.get(tag),
        tierTags,
        source.validFrom === null
          ? localDateOfInstant(partner.create_date, timeZone)
          : localDate(source.validFrom),
      ),
    );
  return { agreements, problems };
}
