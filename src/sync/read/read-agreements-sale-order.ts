import type { Agreement } from '../../domain/facts';
import { customerId } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { AgreementOrderSchema, agreementOrderFields } from '../../odoo/records/agreement-order';
import {
  SaleOrderLineSchema,
  saleOrderLineFields,
  saleOrderLineRenames,
} from '../../odoo/records/sale-order-line';
import { agreementsFromOrderLine } from '../map/map-order-agreements';
import type { SyncProblem } from '../map/mapped';
import { readByIdsParsed, searchAllParsed, type OdooReader } from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';
import type { AgreementsQuery, AgreementsRead } from './agreement-source';
import { readTierProducts, type TierProducts } from './read-tier-products';

/**
 * Agreements from confirmed sale orders and subscriptions: their lines of agreement products in
 * one paged search, the orders in batched reads. Subscription dates are read where the database
 * has them, so one `fields_get` of sale.order comes first. The customer is the order's commercial
 * partner.
 */
export async function readOrderAgreements(
  reader: OdooReader,
  partners: PartnerDirectory,
  products: TierProducts,
  query: AgreementsQuery,
): Promise<AgreementsRead> {
  const { tiersOf, problems: productProblems } = await readTierProducts(reader, products);
  const lines = await searchAllParsed(
    reader,
    {
      model: MODELS.saleOrderLine,
      schema: SaleOrderLineSchema,
      fields: saleOrderLineFields(query.profile),
      renames: saleOrderLineRenames(query.profile),
    },
    and(
      where('product_id', 'in', [...tiersOf.keys()]),
      where('state', 'in', ['sale', 'done']),
      query.onlyCustomer === undefined
        ? []
        : where('order_id.partner_id.commercial_partner_id', '=', query.onlyCustomer),
    ),
  );
  const orderFields = Object.keys(await reader.model(MODELS.saleOrder).fieldsGet(['type']));
  const orders = await readByIdsParsed(
    reader,
    {
      model: MODELS.saleOrder,
      schema: AgreementOrderSchema,
      fields: agreementOrderFields(orderFields),
    },
    lines.records.map((line) => line.order_id.id),
  );
  const orderById = new Map(orders.records.map((order) => [order.id, order]));
  await partners.ensure(orders.records.map((order) => order.partner_id.id));

  const problems: SyncProblem[] = [...productProblems, ...lines.problems, ...orders.problems];
  const agreements: Agreement[] = [];
  for (const line of lines.records) {
    const order = orderById.get(line.order_id.id);
    const customer =
      order === undefined ? undefined : partners.commercialPartnerOf(order.partner_id.id);
    if (order === undefined || customer === undefined) {
      problems.push({
        model: MODELS.saleOrderLine,
        recordId: line.id,
        path: 'order_id',
        message: `its sale order ${line.order_id.id} or the order's customer could not be read`,
      });
      continue;
    }
    const result = agreementsFromOrderLine(line, {
      order,
      customerId: customerId(customer),
      tiers: line.product_id === null ? [] : (tiersOf.get(line.product_id.id) ?? []),
      fees: query.fees,
      timeZone: query.timeZone,
    });
    if (result.ok) agreements.push(...result.value);
    else problems.push(result.problem);
  }
  return { agreements, problems };
}
