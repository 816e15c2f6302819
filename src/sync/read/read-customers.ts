import { MODELS } from '../../odoo/models';
import type { Agreement, CustomerFacts } from '../../domain/facts';
import { and, where } from '../../odoo/filter';
import { agreementsFromPartnerTags, type TierTags } from '../map/map-agreements';
import { mapCustomer } from '../map/map-customer';
import type { SyncProblem } from '../map/mapped';
import { NAMED_RECORD_FIELDS, NamedRecordSchema } from '../../odoo/records/context-records';
import { searchAllParsed, unique, type OdooReader } from './odoo-reader';
import { PARTNER_SPEC, type PartnerDirectory } from './partner-directory';

export interface CustomersRead {
  readonly customers: CustomerFacts[];
  readonly agreements: Agreement[];
  readonly problems: SyncProblem[];
}

/**
 * The customers of a period: the commercial partners of its tickets, plus every commercial partner
 * tagged with a tier (they owe the monthly fee even in a month without work). Agreements come from
 * those tags; tags are looked up by their exact configured names.
 */
export async function readCustomers(
  reader: OdooReader,
  partners: PartnerDirectory,
  tierTags: TierTags,
  ticketCustomerIds: readonly number[],
  onlyCustomer?: number,
): Promise<CustomersRead> {
  const tags = await searchAllParsed(
    reader,
    { model: MODELS.partnerTag, schema: NamedRecordSchema, fields: NAMED_RECORD_FIELDS },
    where('name', 'in', Object.values(tierTags)),
  );
  const problems: SyncProblem[] = [...tags.problems];
  const tagNames = new Map(tags.records.map((tag) => [tag.id, tag.name] as const));

  let taggedIds: number[] = [];
  if (tagNames.size > 0) {
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
    taggedIds = tagged.records
      .filter((partner) => partners.commercialPartnerOf(partner.id) === partner.id)
      .map((partner) => partner.id);
  }
  const customerIds = unique([...ticketCustomerIds, ...taggedIds]);
  await partners.ensure(customerIds);

  const customers: CustomerFacts[] = [];
  const agreements: Agreement[] = [];
  for (const id of customerIds) {
    const partner = partners.get(id);
    if (partner === undefined) continue;
    customers.push(mapCustomer(partner));
    agreements.push(...agreementsFromPartnerTags(partner, (tag) => tagNames.get(tag), tierTags));
  }
  return { customers, agreements, problems };
}
