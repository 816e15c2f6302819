import type { PrepaidPack } from '../../domain/facts';
import type { PackProductDefinition } from '../../domain/settings';
import type { Minutes } from '../../domain/types';
import { customerId, minutes } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import type { Product } from '../../odoo/records/product';
import {
  SaleOrderLineSchema,
  saleOrderLineFields,
  saleOrderLineRenames,
} from '../../odoo/records/sale-order-line';
import { SALE_ORDER_FIELDS, SaleOrderSchema } from '../../odoo/records/context-records';
import { mapPack } from '../map/map-pack';
import { hoursPerTimeUom } from '../map/time-uom';
import type { SyncProblem } from '../map/mapped';
import { readByIdsParsed, searchAllParsed, type OdooReader } from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';

/** Confirmed orders: `done` is the locked state of 16 (17+ lock with a flag and keep `sale`). */
const CONFIRMED_ORDER_STATES = ['sale', 'done'] as const;

export interface PacksQuery {
  readonly profile: FieldProfile;
  readonly definitions: readonly PackProductDefinition[];
  readonly products: ReadonlyMap<string, Product>;
  /** Only packs of these commercial partners are kept. */
  readonly customerIds: ReadonlySet<number>;
  readonly timeZone: string;
  /** Minutes of the period's timesheets per linked sale line (`so_line`). */
  readonly linkedInPeriod: ReadonlyMap<number, Minutes>;
}

/** A pack's sale line as the writer keeps it in step (delivered hours = Tally's drawdowns). */
export interface PackSaleLine {
  readonly id: number;
  readonly productId: number;
  readonly qtyDelivered: number;
  /** Hours per unit of the line's unit of measure (1 for Hours). */
  readonly hoursPerUom: number;
}

/** Prepaid packs: confirmed sale lines of configured pack products, with their orders' dates. */
export async function readPacks(
  reader: OdooReader,
  partners: PartnerDirectory,
  query: PacksQuery,
): Promise<{ packs: PrepaidPack[]; saleLines: PackSaleLine[]; problems: SyncProblem[] }> {
  const definitionOf = new Map<number, PackProductDefinition>();
  for (const definition of query.definitions) {
    const product = query.products.get(definition.productCode);
    if (product !== undefined) definitionOf.set(product.id, definition);
  }
  if (definitionOf.size === 0) return { packs: [], saleLines: [], problems: [] };

  const lines = await searchAllParsed(
    reader,
    {
      model: MODELS.saleOrderLine,
      schema: SaleOrderLineSchema,
      fields: saleOrderLineFields(query.profile),
      renames: saleOrderLineRenames(query.profile),
    },
    and(
      where('product_id', 'in', [...definitionOf.keys()]),
      where('state', 'in', CONFIRMED_ORDER_STATES),
    ),
  );
  const problems: SyncProblem[] = [...lines.problems];
  await partners.ensure(lines.records.flatMap((line) => line.order_partner_id?.id ?? []));
  const wanted = lines.records.filter((line) => {
    const partner = line.order_partner_id?.id;
    const customer = partner === undefined ? undefined : partners.commercialPartnerOf(partner);
    return customer !== undefined && query.customerIds.has(customer);
  });
  const orders = await readByIdsParsed(
    reader,
    { model: MODELS.saleOrder, schema: SaleOrderSchema, fields: SALE_ORDER_FIELDS },
    wanted.map((line) => line.order_id.id),
  );
  problems.push(...orders.problems);
  const orderById = new Map(orders.records.map((order) => [order.id, order] as const));

  const packs: PrepaidPack[] = [];
  const saleLines: PackSaleLine[] = [];
  for (const line of wanted) {
    const definition = line.product_id === null ? undefined : definitionOf.get(line.product_id.id);
    const order = orderById.get(line.order_id.id);
    const partner = line.order_partner_id?.id;
    const customer = partner === undefined ? undefined : partners.commercialPartnerOf(partner);
    if (definition === undefined || customer === undefined) continue;
    if (order === undefined) {
      problems.push({
        model: MODELS.saleOrderLine,
        recordId: line.id,
        path: 'order_id',
        message: `its sale order ${line.order_id.id} could not be read`,
      });
      continue;
    }
    const result = mapPack(line, {
      product: definition,
      order,
      customerId: customerId(customer),
      timeZone: query.timeZone,
      linkedInPeriod: query.linkedInPeriod.get(line.id) ?? minutes(0),
    });
    if (!result.ok) {
      problems.push(result.problem);
      continue;
    }
    packs.push(result.value);
    saleLines.push({
      id: line.id,
      productId: line.product_id?.id ?? 0,
      qtyDelivered: line.qty_delivered,
      hoursPerUom: hoursPerTimeUom(line.product_uom_id?.name ?? null) ?? 1,
    });
  }
  return { packs, saleLines, problems };
}
