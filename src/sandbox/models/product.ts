import { validationError } from '../errors';
import { F } from '../fields';
import { create, write } from '../orm/mutate';
import type { SandboxProfile } from '../profile';
import type { Env, FieldSpec, ModelSpec, Vals } from '../types';

const NO_SYNC = 'sandbox_no_product_sync';

/** service_policy from (invoice_policy, service_type), as sale_timesheet computes it. */
function servicePolicy(invoicePolicy: unknown, serviceType: unknown): string | false {
  if (invoicePolicy === 'order') return 'ordered_prepaid';
  if (serviceType === 'timesheet') return 'delivered_timesheet';
  if (serviceType === 'milestones') return 'delivered_milestones';
  if (serviceType === 'manual') return 'delivered_manual';
  return false;
}

const POLICY_INVERSE: Record<string, Vals> = {
  ordered_prepaid: { invoice_policy: 'order', service_type: 'timesheet' },
  delivered_timesheet: { invoice_policy: 'delivery', service_type: 'timesheet' },
  delivered_manual: { invoice_policy: 'delivery', service_type: 'manual' },
  delivered_milestones: { invoice_policy: 'delivery', service_type: 'milestones' },
};

/** Fields shared by product.template and product.product (the variant delegates to its template). */
function sharedFields(profile: SandboxProfile): Record<string, FieldSpec> {
  const v = profile.odooVersion;
  const types = v >= 18 ? ['consu', 'service', 'combo'] : ['consu', 'service'];
  return {
    name: F.char('Name', { required: true }),
    default_code: F.char('Internal Reference'),
    type: F.sel(types, 'Product Type', { required: v >= 18, default: () => 'consu' }),
    ...(v <= 17
      ? { detailed_type: F.sel(types, 'Product Type', { required: true, default: () => 'consu' }) }
      : {}),
    ...(v >= 18 ? { is_storable: F.bool('Track Inventory') } : {}),
    list_price: F.float('Sales Price', { default: () => 1 }),
    standard_price: F.float('Cost'),
    uom_id: F.m2o('uom.uom', 'Unit of Measure', {
      required: true,
      default: (env) => firstUom(env),
    }),
    ...(v <= 18
      ? {
          uom_po_id: F.m2o('uom.uom', 'Purchase Unit of Measure', {
            required: true,
            default: (env) => firstUom(env),
          }),
        }
      : {}),
    invoice_policy: F.sel(['order', 'delivery'], 'Invoicing Policy', { default: () => 'order' }),
    service_type: F.sel(['manual', 'milestones', 'timesheet'], 'Track Service', {
      default: () => 'manual',
    }),
    service_policy: F.sel(
      ['ordered_prepaid', 'delivered_timesheet', 'delivered_manual', 'delivered_milestones'],
      'Service Invoicing Policy',
      {
        compute: (_env, row) =>
          row.type === 'service' ? servicePolicy(row.invoice_policy, row.service_type) : false,
        inverse: (_env, value) => (typeof value === 'string' ? (POLICY_INVERSE[value] ?? {}) : {}),
      },
    ),
    service_tracking: F.sel(
      ['no', 'task_global_project', 'task_in_project', 'project_only'],
      'Create on Order',
      {
        required: v >= 19,
        default: () => 'no',
      },
    ),
    project_id: F.m2o('project.project', 'Project'),
    project_template_id: F.m2o('project.project', 'Project Template'),
    taxes_id: F.m2m('account.tax', 'Customer Taxes'),
    property_account_income_id: F.m2o('account.account', 'Income Account'),
    sale_ok: F.bool('Can be Sold', { default: () => true }),
    company_id: F.m2o('res.company', 'Company'),
    description_sale: F.text('Sales Description'),
    active: F.bool('Active', { default: () => true }),
  };
}

function firstUom(env: Env): number | false {
  for (const row of env.store.table('ir.model.data').rows.values()) {
    if (row.module === 'uom' && row.name === 'product_uom_unit' && typeof row.res_id === 'number')
      return row.res_id;
  }
  return env.store.table('uom.uom').ascendingIds().next().value ?? false;
}

/**
 * 16-18's constraint on the template: a product in Hours whose purchase unit stayed at its
 * default (Units) is refused, as real 17 refused the demo company's products (odoo-verified.md).
 */
function checkUomCategories(env: Env, ids: readonly number[]): void {
  if (env.profile.odooVersion > 18) return;
  const categoryOf = (uom: unknown): unknown =>
    typeof uom === 'number' ? env.store.table('uom.uom').get(uom)?.category_id : undefined;
  for (const id of ids) {
    const row = env.store.table('product.template').get(id);
    if (row === undefined || !row.uom_po_id) continue;
    if (categoryOf(row.uom_id) !== categoryOf(row.uom_po_id))
      throw validationError(
        'The default Unit of Measure and the purchase Unit of Measure must be in the same category.',
      );
  }
}

/** 16/17 keep `type` and `detailed_type` in step; the variant mirrors the template. */
function alignTypes(profile: SandboxProfile, vals: Vals): void {
  if (profile.odooVersion > 17) return;
  if (vals.detailed_type !== undefined && vals.type === undefined) vals.type = vals.detailed_type;
  else if (vals.type !== undefined && vals.detailed_type === undefined)
    vals.detailed_type = vals.type;
}

function sharedVals(profile: SandboxProfile, vals: Vals): Vals {
  const keys = new Set(Object.keys(sharedFields(profile)));
  return Object.fromEntries(Object.entries(vals).filter(([key]) => keys.has(key)));
}

/** product.template and product.product with the variant/template delegation emulated. */
export function productModels(profile: SandboxProfile): ModelSpec[] {
  const noSync = (env: Env): Env => ({
    ...env,
    su: true,
    context: { ...env.context, [NO_SYNC]: true },
  });
  return [
    {
      name: 'product.template',
      description: 'Product',
      order: 'priority desc, name',
      fields: {
        ...sharedFields(profile),
        priority: F.sel(['0', '1'], 'Favorite', { default: () => '0' }),
        product_variant_ids: F.o2m('product.product', 'product_tmpl_id', 'Products'),
      },
      hooks: {
        prepareCreate: (_env, vals) => alignTypes(profile, vals),
        beforeWrite: (_env, _ids, vals) => alignTypes(profile, vals),
        afterCreate: (env, ids) => {
          checkUomCategories(env, ids);
          if (env.context[NO_SYNC] === true) return;
          for (const id of ids) {
            const row = env.store.table('product.template').get(id) ?? { id };
            create(noSync(env), 'product.product', [
              { ...sharedVals(profile, row), product_tmpl_id: id },
            ]);
          }
        },
        afterWrite: (env, ids, vals) => {
          checkUomCategories(env, ids);
          if (env.context[NO_SYNC] === true) return;
          const shared = sharedVals(profile, vals);
          if (Object.keys(shared).length === 0) return;
          const table = env.store.table('product.product');
          const variants = ids.flatMap((id) => [...table.referencing('product_tmpl_id', id)]);
          if (variants.length > 0) write(noSync(env), 'product.product', variants, shared);
        },
      },
    },
    {
      name: 'product.product',
      description: 'Product Variant',
      order: 'default_code, name, id',
      displayName: (_env, row) =>
        row.default_code ? `[${String(row.default_code)}] ${String(row.name)}` : String(row.name),
      fields: {
        ...sharedFields(profile),
        product_tmpl_id: F.m2o('product.template', 'Product Template', { cascade: true }),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          alignTypes(profile, vals);
          if (
            env.context[NO_SYNC] !== true &&
            (vals.product_tmpl_id === undefined || vals.product_tmpl_id === false)
          ) {
            vals.product_tmpl_id = create(noSync(env), 'product.template', [
              sharedVals(profile, vals),
            ])[0];
          }
        },
        beforeWrite: (_env, _ids, vals) => alignTypes(profile, vals),
        afterWrite: (env, ids, vals) => {
          if (env.context[NO_SYNC] === true) return;
          const shared = sharedVals(profile, vals);
          if (Object.keys(shared).length === 0) return;
          const table = env.store.table('product.product');
          const templates = [
            ...new Set(
              ids
                .map((id) => table.get(id)?.product_tmpl_id)
                .filter((t): t is number => typeof t === 'number'),
            ),
          ];
          if (templates.length > 0) write(noSync(env), 'product.template', templates, shared);
        },
      },
    },
  ];
}
