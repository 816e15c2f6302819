import { customerId } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import {
  CONTRACT_FIELDS,
  CONTRACT_LINE_FIELDS,
  ContractLineSchema,
  ContractSchema,
} from '../../odoo/records/contract';
import { agreementsFromContractLine } from '../map/map-contract-agreements';
import type { Agreement } from '../../domain/facts';
import type { SyncProblem } from '../map/mapped';
import { readByIdsParsed, searchAllParsed, type OdooReader } from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';
import type { AgreementsQuery, AgreementsRead } from './agreement-source';
import { readTierProducts, type TierProducts } from './read-tier-products';

/**
 * Agreements from OCA contracts: the lines of customer contracts whose product is an agreement
 * product, in one paged search, and their contracts in batched reads. The customer is the
 * contract's commercial partner.
 */
export async function readContractAgreements(
  reader: OdooReader,
  partners: PartnerDirectory,
  products: TierProducts,
  query: AgreementsQuery,
): Promise<AgreementsRead> {
  const { tiersOf, problems: productProblems } = await readTierProducts(reader, products);
  const lines = await searchAllParsed(
    reader,
    { model: MODELS.contractLine, schema: ContractLineSchema, fields: CONTRACT_LINE_FIELDS },
    and(
      where('product_id', 'in', [...tiersOf.keys()]),
      where('is_canceled', '=', false),
      where('contract_id.contract_type', '=', 'sale'),
      query.onlyCustomer === undefined
        ? []
        : where('contract_id.commercial_partner_id', '=', query.onlyCustomer),
    ),
  );
  const contracts = await readByIdsParsed(
    reader,
    { model: MODELS.contract, schema: ContractSchema, fields: CONTRACT_FIELDS },
    lines.records.map((line) => line.contract_id.id),
  );
  const contractById = new Map(contracts.records.map((contract) => [contract.id, contract]));
  await partners.ensure(
    contracts.records.flatMap((contract) =>
      contract.commercial_partner_id === null ? [contract.partner_id.id] : [],
    ),
  );

  const problems: SyncProblem[] = [...productProblems, ...lines.problems, ...contracts.problems];
  const agreements: Agreement[] = [];
  for (const line of lines.records) {
    const contract = contractById.get(line.contract_id.id);
    const customer =
      contract?.commercial_partner_id?.id ??
      (contract === undefined ? undefined : partners.commercialPartnerOf(contract.partner_id.id));
    if (contract === undefined || customer === undefined) {
      problems.push({
        model: MODELS.contractLine,
        recordId: line.id,
        path: 'contract_id',
        message: `its contract ${line.contract_id.id} or the contract's customer could not be read`,
      });
      continue;
    }
    const result = agreementsFromContractLine(line, {
      contract,
      customerId: customerId(customer),
      tiers: line.product_id === null ? [] : (tiersOf.get(line.product_id.id) ?? []),
      fees: query.fees,
    });
    if (result.ok) agreements.push(...result.value);
    else problems.push(result.problem);
  }
  return { agreements, problems };
}
