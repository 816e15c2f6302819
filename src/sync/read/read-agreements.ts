import type { AgreementsQuery, AgreementsRead } from './agreement-source';
import type { OdooReader } from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';
import { readContractAgreements } from './read-agreements-contract';
import { readOrderAgreements } from './read-agreements-sale-order';
import { readPartnerTagAgreements } from './read-agreements-partner-tags';
import { readStaticAgreements } from './read-agreements-static';

/** Reads the agreements from the source the config selects (`sources.tier.kind`). */
export function readAgreements(
  reader: OdooReader,
  partners: PartnerDirectory,
  query: AgreementsQuery,
): Promise<AgreementsRead> {
  const { source } = query;
  switch (source.kind) {
    case 'partner_tags':
      return readPartnerTagAgreements(reader, partners, source, query.timeZone, query.onlyCustomer);
    case 'static':
      return readStaticAgreements(reader, partners, source.agreements);
    case 'oca_contract':
      return readContractAgreements(reader, partners, source.products, query);
    case 'sale_order':
      return readOrderAgreements(reader, partners, source.products, query);
  }
}
