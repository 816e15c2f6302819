import type { Agreement } from '../../domain/facts';
import { customerId } from '../../domain/types';
import { where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { PARTNER_REF_FIELDS, PartnerRefSchema } from '../../odoo/records/partner-ref';
import { SyncSetupError } from '../errors';
import { agreementFromStaticEntry, type StaticAgreementEntry } from '../map/map-static-agreements';
import { searchAllParsed, type OdooReader } from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';
import type { AgreementsRead } from './agreement-source';

/**
 * Agreements listed in the config (`sources.tier.agreements`), each for the commercial partner of
 * the contact it names by id or internal reference. A customer that names no contact, or a
 * reference two customers share, stops the sync: billing that customer without its agreement
 * would charge covered work.
 */
export async function readStaticAgreements(
  reader: OdooReader,
  partners: PartnerDirectory,
  entries: readonly StaticAgreementEntry[],
): Promise<AgreementsRead> {
  const refs = [
    ...new Set(entries.flatMap((e) => (typeof e.customer === 'string' ? [e.customer] : []))),
  ];
  const byRef =
    refs.length === 0
      ? { records: [], problems: [] }
      : await searchAllParsed(
          reader,
          { model: MODELS.partner, schema: PartnerRefSchema, fields: PARTNER_REF_FIELDS },
          where('ref', 'in', refs),
        );
  const idsOfRef = new Map<string, number[]>();
  for (const row of byRef.records) {
    if (row.ref !== null) idsOfRef.set(row.ref, [...(idsOfRef.get(row.ref) ?? []), row.id]);
  }
  await partners.ensure([
    ...entries.flatMap((e) => (typeof e.customer === 'number' ? [e.customer] : [])),
    ...byRef.records.map((row) => row.id),
  ]);

  const commercialOf = (customer: number | string): number[] => {
    const ids = typeof customer === 'number' ? [customer] : (idsOfRef.get(customer) ?? []);
    return [...new Set(ids.flatMap((id) => partners.commercialPartnerOf(id) ?? []))];
  };
  const agreements: Agreement[] = [];
  const unresolved: string[] = [];
  entries.forEach((entry, index) => {
    const found = commercialOf(entry.customer);
    const [only] = found;
    if (found.length === 1 && only !== undefined)
      agreements.push(agreementFromStaticEntry(entry, index, customerId(only)));
    else unresolved.push(describe(entry.customer, index, found.length));
  });
  if (unresolved.length > 0) {
    throw new SyncSetupError(
      `Static agreements name customers Odoo does not have as one contact (${unresolved.join('; ')}): correct sources.tier.agreements or the contacts' internal references.`,
      { details: { unresolved } },
    );
  }
  return { agreements, problems: [...byRef.problems] };
}

function describe(customer: number | string, index: number, matches: number): string {
  const what = typeof customer === 'number' ? `id ${customer}` : `internal reference "${customer}"`;
  const why = matches === 0 ? 'no contact' : `${matches} different customers`;
  return `agreements[${index}] names ${what}: ${why}`;
}
