/**
 * The products the agreements config names by internal reference (`default_code`): the hourly
 * product, the prepaid packs, and the agreement products of contract or sale-order tier sources.
 * With `--create-products`, a missing hourly or pack product is created with the fields its Odoo
 * version has (odoo-verified.md "Odoo 19: field changes"); agreement products are priced business
 * decisions, so they are only reported.
 */
import type { AgreementsConfig } from '../config/agreements.schema';
import { and, where } from '../odoo/filter';
import { MODELS } from '../odoo/models';
import { isTallyError } from '../shared/errors';
import {
  ProductRowSchema,
  SETUP_MODELS,
  WITH_ARCHIVED,
  XmlIdRowSchema,
  searchAll,
  type ProductRow,
} from './records';
import type { SetupStep } from './setup-step';

const AREA = 'products';

interface ProductNeed {
  readonly code: string;
  readonly role: 'hourly' | 'pack' | 'agreement';
  /** Name given to a created product; for agreement products, what the product means. */
  readonly name: string;
}

function needsOf(config: AgreementsConfig): ProductNeed[] {
  const needs: ProductNeed[] = [
    { code: config.sources.hourlyProductCode, role: 'hourly', name: 'Support hour' },
    ...config.prepaid.packs.map((pack): ProductNeed => ({
      code: pack.productCode,
      role: 'pack',
      name: `Support Pack ${pack.hours} h`,
    })),
  ];
  const tier = config.sources.tier;
  if (tier.kind === 'oca_contract' || tier.kind === 'sale_order') {
    for (const [key, codes] of Object.entries(tier.products)) {
      const label = config.tiers[key]?.label ?? key;
      for (const code of codes) needs.push({ code, role: 'agreement', name: `${label} agreement` });
    }
  }
  const seen = new Set<string>();
  return needs.filter((need) => !seen.has(need.code) && seen.add(need.code));
}

function hourlyRate(config: AgreementsConfig): number | null {
  const rate = config.billing.hourlyRate;
  return rate === null ? null : Number(rate);
}

function checkFound(step: SetupStep, need: ProductNeed, rows: readonly ProductRow[]): void {
  const id = `product:${need.code}`;
  const product = rows.find((row) => row.active);
  if (product === undefined) {
    step.log.fail(
      AREA,
      id,
      `The product ${need.code} is archived, so Tally cannot use it.`,
      `Unarchive ${need.code} (Sales → Products, filter Archived).`,
    );
    return;
  }
  const others = rows.filter((row) => row.id !== product.id).map((row) => row.id);
  if (others.length > 0) {
    step.log.warn(
      AREA,
      `${id}:duplicates`,
      `Several products have the internal reference ${need.code} (ids ${[product.id, ...others].join(', ')}); Tally uses id ${product.id}.`,
      `Give each product its own internal reference so ${need.code} means one product.`,
    );
  }
  if (need.role === 'hourly' && hourlyRate(step.config) === null && product.list_price <= 0) {
    step.log.fail(
      AREA,
      id,
      `${need.code} (${product.name}) has sales price ${product.list_price}, and its sales price is the hourly rate Tally bills.`,
      `Set the sales price of ${need.code}, or billing.hourlyRate in the agreements config.`,
    );
  } else if (product.type !== 'service') {
    step.log.warn(
      AREA,
      id,
      `${need.code} (${product.name}) is a ${product.type} product; Tally bills it as a service.`,
      `Make ${need.code} a service product.`,
    );
  } else {
    step.log.ok(AREA, id, `${need.code} is ${product.name} (id ${product.id}).`);
  }
}

async function lookupHoursUom(step: SetupStep): Promise<number | undefined> {
  const rows = await searchAll(
    step.client,
    {
      model: SETUP_MODELS.xmlId,
      schema: XmlIdRowSchema,
      fields: ['module', 'name', 'model', 'res_id'],
    },
    and(where('module', '=', 'uom'), where('name', '=', 'product_uom_hour')),
  );
  return rows[0]?.res_id;
}

/** What creating a product depends on: the fields this version has and the Hours unit. */
interface ProductTemplate {
  readonly fields: ReadonlySet<string>;
  readonly hours: number | undefined;
}

async function productTemplate(step: SetupStep): Promise<ProductTemplate> {
  const fields = new Set(Object.keys(await step.client.model(MODELS.product).fieldsGet(['type'])));
  return { fields, hours: await lookupHoursUom(step) };
}

/**
 * A prepaid pack counts delivered timesheet hours (service_policy ordered_prepaid); the hourly
 * product is delivered manually, so Odoo's own timesheet invoicing never bills that time again.
 * 16/17 need `detailed_type`, 19 `service_tracking`; fields this version lacks are left out.
 */
function productVals(
  step: SetupStep,
  need: ProductNeed,
  template: ProductTemplate,
): Record<string, unknown> {
  const pack = need.role === 'pack';
  const wanted: Record<string, unknown> = {
    name: need.name,
    default_code: need.code,
    type: 'service',
    detailed_type: 'service',
    invoice_policy: pack ? 'order' : 'delivery',
    service_type: pack && step.modules.has('sale_timesheet') ? 'timesheet' : 'manual',
    service_tracking: 'no',
    uom_id: template.hours,
    uom_po_id: template.hours,
    list_price: need.role === 'hourly' ? (hourlyRate(step.config) ?? 0) : 0,
  };
  return Object.fromEntries(
    Object.entries(wanted).filter(
      ([name, value]) => value !== undefined && template.fields.has(name),
    ),
  );
}

async function create(
  step: SetupStep,
  need: ProductNeed,
  template: ProductTemplate,
): Promise<void> {
  const id = `product:${need.code}`;
  const vals = productVals(step, need, template);
  let created: number;
  try {
    [created = 0] = await step.client.model(MODELS.product).create([vals]);
  } catch (error) {
    if (!isTallyError(error)) throw error;
    step.log.fail(
      AREA,
      id,
      `Odoo refused to create ${need.code}: ${error.userMessage}`,
      'Fix what Odoo names, or create the product by hand.',
    );
    return;
  }
  step.log.changed({ action: 'created', model: MODELS.product, id: created, name: need.code });
  if (need.role === 'pack') {
    step.log.ok(
      AREA,
      id,
      `Created ${need.code} (${need.name}, id ${created}); set its sales price before selling it.`,
    );
    return;
  }
  const price = Number(vals.list_price ?? 0);
  checkFound(step, need, [
    {
      id: created,
      default_code: need.code,
      name: need.name,
      type: 'service',
      active: true,
      list_price: price,
    },
  ]);
}

function reportMissing(step: SetupStep, need: ProductNeed): void {
  const id = `product:${need.code}`;
  const what =
    need.role === 'agreement'
      ? `the product of the ${need.name}`
      : need.role === 'pack'
        ? 'a prepaid pack product'
        : 'the hourly product of billed time';
  const fix =
    need.role === 'agreement'
      ? `Create the product with internal reference ${need.code} in Sales → Products.`
      : step.options.createProducts
        ? 'Run tally setup --create-products without --dry-run to create it.'
        : `Create it with internal reference ${need.code}, or run tally setup --create-products.`;
  const message = `No product has the internal reference ${need.code} (${what}, named in the agreements config).`;
  // A dry run of --create-products would create it: say so, it is nothing to fix by hand.
  if (need.role !== 'agreement' && step.options.createProducts && step.options.dryRun)
    step.log.pending(AREA, id, message, fix);
  else step.log.fail(AREA, id, message, fix);
}

/** Checks every product the config names; creates missing hourly and pack products when asked. */
export async function ensureProducts(step: SetupStep): Promise<void> {
  const needs = needsOf(step.config);
  const rows = await searchAll(
    step.client,
    {
      model: MODELS.product,
      schema: ProductRowSchema,
      fields: ['default_code', 'name', 'type', 'active', 'list_price'],
    },
    where(
      'default_code',
      'in',
      needs.map((need) => need.code),
    ),
    WITH_ARCHIVED,
  );
  const creatable = (need: ProductNeed): boolean =>
    need.role !== 'agreement' && step.options.createProducts && !step.options.dryRun;
  const missing = needs.filter((need) => !rows.some((row) => row.default_code === need.code));
  const template = missing.some(creatable) ? await productTemplate(step) : undefined;
  for (const need of needs) {
    const found = rows.filter((row) => row.default_code === need.code);
    if (found.length > 0) checkFound(step, need, found);
    else if (template !== undefined && creatable(need)) await create(step, need, template);
    else reportMissing(step, need);
  }
}
