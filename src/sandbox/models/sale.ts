import { displayName, fieldValue, refOf, roundMoney, storeComputed } from '../env';
import { F } from '../fields';
import { SALES_GROUPS } from '../groups';
import { requireExisting } from '../methods/orm-methods';
import { profileNames, type SandboxProfile } from '../profile';
import type { Row } from '../store';
import type { Env, FieldSpec, ModelSpec } from '../types';
import { mailThreadMethods } from './mail';
import { convertUom, isTimeUom, lineAmounts } from './pricing';

const ORDER_SEQUENCE = 'sale.order';

function product(env: Env, row: Row): Row | undefined {
  return typeof row.product_id === 'number'
    ? env.store.table('product.product').get(row.product_id)
    : undefined;
}

/** Stored computes of a sale line: delivered method and quantity, remaining hours. */
/**
 * Recomputes a sale line's delivered and remaining quantities. `keepDelivered`: the delivered
 * quantity was just written directly; like Odoo's stored compute with `readonly=False`, it stands
 * until a timesheet linked to the line changes.
 */
export function recomputeSaleLine(env: Env, id: number, keepDelivered = false): void {
  const names = profileNames(env.profile);
  const row = env.store.table('sale.order.line').get(id);
  if (row === undefined) return;
  const prod = product(env, row);
  const method =
    prod?.type === 'service'
      ? prod.service_type === 'timesheet'
        ? 'timesheet'
        : prod.service_type === 'milestones'
          ? 'milestones'
          : 'manual'
      : 'manual';
  const values: Record<string, unknown> = { qty_delivered_method: method };
  const lineUom = row[names.soLineUom];
  if (method === 'timesheet' && !keepDelivered) {
    const timesheets = env.store.table('account.analytic.line');
    let delivered = 0;
    for (const tsId of timesheets.referencing('so_line', id)) {
      const ts = timesheets.get(tsId);
      if (ts === undefined || ts.project_id === false || ts.project_id === undefined) continue;
      delivered += convertUom(env, Number(ts.unit_amount ?? 0), hoursUom(env), lineUom);
    }
    values.qty_delivered = Math.round(delivered * 1e6) / 1e6;
  }
  const available =
    prod !== undefined &&
    prod.type === 'service' &&
    prod.invoice_policy === 'order' &&
    isTimeUom(env, lineUom);
  const delivered = Number(values.qty_delivered ?? row.qty_delivered ?? 0);
  values.remaining_hours = available
    ? Math.round(
        convertUom(env, Number(row.product_uom_qty ?? 0) - delivered, lineUom, hoursUom(env)) * 1e6,
      ) / 1e6
    : 0;
  storeComputed(env, 'sale.order.line', id, values);
}

/** The id of the Hours unit (uom.product_uom_hour). */
export function hoursUom(env: Env): number | false {
  for (const row of env.store.table('ir.model.data').rows.values()) {
    if (row.module === 'uom' && row.name === 'product_uom_hour' && typeof row.res_id === 'number')
      return row.res_id;
  }
  return false;
}

function lineTotals(env: Env, row: Row): { subtotal: number; tax: number; total: number } {
  const taxes = (row[profileNames(env.profile).soLineTaxes] as number[] | undefined) ?? [];
  if (row.display_type) return { subtotal: 0, tax: 0, total: 0 };
  return lineAmounts(
    env,
    Number(row.product_uom_qty ?? 0),
    Number(row.price_unit ?? 0),
    Number(row.discount ?? 0),
    taxes,
  );
}

function qtyInvoiced(env: Env, id: number): number {
  const lines = env.store.table('account.move.line');
  let total = 0;
  for (const lineId of lines.containing('sale_line_ids', id)) {
    const line = lines.get(lineId);
    const state =
      typeof line?.move_id === 'number'
        ? env.store.table('account.move').get(line.move_id)?.state
        : undefined;
    if (line !== undefined && state !== 'cancel') total += Number(line.quantity ?? 0);
  }
  return total;
}

function orderLines(env: Env, orderId: number): Row[] {
  const table = env.store.table('sale.order.line');
  return [...table.referencing('order_id', orderId)].map((id) => table.get(id) as Row);
}

const SUBSCRIPTION_STATES: [string, string][] = [
  ['1_draft', 'Quotation'],
  ['2_renewal', 'Renewal Quotation'],
  ['3_progress', 'In Progress'],
  ['4_paused', 'Paused'],
  ['5_renewed', 'Renewed'],
  ['6_churn', 'Churned'],
  ['7_upsell', 'Upsell'],
];

/**
 * Enterprise sale_subscription's fields on sale.order (odoo-rpc.md §4.6): a subscription is an
 * order with `is_subscription`; 17+ has `subscription_state` and an `end_date`.
 */
function subscriptionFields(profile: SandboxProfile): Record<string, FieldSpec> {
  return {
    is_subscription: F.bool('Recurring'),
    start_date: F.date('Start Date'),
    next_invoice_date: F.date('Date of Next Invoice'),
    ...(profile.odooVersion >= 17
      ? {
          end_date: F.date('End Date'),
          subscription_state: F.sel(SUBSCRIPTION_STATES, 'Subscription Status'),
        }
      : {}),
  };
}

/** sale.order and sale.order.line with sale_timesheet's prepaid-hours behaviour. */
export function saleModels(profile: SandboxProfile): ModelSpec[] {
  const names = profileNames(profile);
  const states =
    profile.odooVersion === 16
      ? ['draft', 'sent', 'sale', 'done', 'cancel']
      : ['draft', 'sent', 'sale', 'cancel'];
  const lineDisplayTypes =
    profile.odooVersion >= 19
      ? ['line_section', 'line_subsection', 'line_note']
      : ['line_section', 'line_note'];
  const access = { read: SALES_GROUPS };
  const related = (field: string) => (env: Env, row: Row) =>
    typeof row.order_id === 'number'
      ? (env.store.table('sale.order').get(row.order_id)?.[field] ?? false)
      : false;
  return [
    {
      name: 'sale.order',
      description: 'Sales Order',
      order: 'date_order desc, id desc',
      access,
      fields: {
        name: F.char('Order Reference', { required: true, default: () => 'New' }),
        partner_id: F.m2o('res.partner', 'Customer', { required: true }),
        date_order: F.datetime('Order Date', { required: true, default: (env) => env.now }),
        state: F.sel(states, 'Status', { readonly: true, default: () => 'draft' }),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          default: (env) => env.companyId,
        }),
        currency_id: F.m2o('res.currency', 'Currency', {
          compute: (env, row) =>
            typeof row.company_id === 'number'
              ? (refOf(env, 'res.company', row.company_id, 'currency_id') ?? false)
              : false,
        }),
        user_id: F.m2o('res.users', 'Salesperson', { default: (env) => env.uid }),
        client_order_ref: F.char('Customer Reference'),
        origin: F.char('Source Document'),
        note: F.html('Terms and conditions'),
        ...(profile.odooVersion >= 17 ? { locked: F.bool('Locked') } : {}),
        ...(profile.helpdesk === 'enterprise' ? subscriptionFields(profile) : {}),
        order_line: F.o2m('sale.order.line', 'order_id', 'Order Lines'),
        amount_untaxed: F.money('Untaxed Amount', {
          readonly: true,
          compute: (env, row) =>
            roundMoney(
              orderLines(env, row.id).reduce((s, l) => s + lineTotals(env, l).subtotal, 0),
            ),
        }),
        amount_tax: F.money('Taxes', {
          readonly: true,
          compute: (env, row) =>
            roundMoney(orderLines(env, row.id).reduce((s, l) => s + lineTotals(env, l).tax, 0)),
        }),
        amount_total: F.money('Total', {
          readonly: true,
          compute: (env, row) =>
            roundMoney(orderLines(env, row.id).reduce((s, l) => s + lineTotals(env, l).total, 0)),
        }),
        invoice_status: F.sel(['upselling', 'invoiced', 'to invoice', 'no'], 'Invoice Status', {
          readonly: true,
          compute: (env, row) =>
            row.state !== 'sale'
              ? 'no'
              : orderLines(env, row.id).some((l) => qtyToInvoice(env, l) > 0)
                ? 'to invoice'
                : 'invoiced',
        }),
      },
      methods: {
        ...mailThreadMethods('sale.order'),
        action_confirm: {
          params: [],
          run: (env, ids) => {
            requireExisting(env, 'sale.order', ids);
            for (const id of ids) {
              // Odoo stamps the confirmation time over the typed date (16-19, odoo-verified.md).
              storeComputed(env, 'sale.order', id, { state: 'sale', date_order: env.now });
              for (const line of orderLines(env, id)) recomputeSaleLine(env, line.id);
            }
            return true;
          },
        },
        action_cancel: {
          params: [],
          run: (env, ids) => {
            requireExisting(env, 'sale.order', ids);
            for (const id of ids) storeComputed(env, 'sale.order', id, { state: 'cancel' });
            return true;
          },
        },
        action_draft: {
          params: [],
          run: (env, ids) => {
            requireExisting(env, 'sale.order', ids);
            for (const id of ids) storeComputed(env, 'sale.order', id, { state: 'draft' });
            return true;
          },
        },
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (vals.name === 'New' || vals.name === undefined)
            vals.name = `S${String(env.store.nextSequence(ORDER_SEQUENCE)).padStart(5, '0')}`;
        },
      },
    },
    {
      name: 'sale.order.line',
      description: 'Sales Order Line',
      order: 'order_id, sequence, id',
      access,
      displayName: (env, row) => {
        const order =
          typeof row.order_id === 'number' ? displayName(env, 'sale.order', row.order_id) : '';
        return `${order} - ${String(row.name ?? '').split('\n')[0]}`;
      },
      fields: {
        order_id: F.m2o('sale.order', 'Order Reference', { required: true, cascade: true }),
        name: F.text('Description', { required: true }),
        sequence: F.int('Sequence', { default: () => 10 }),
        display_type: F.sel(lineDisplayTypes, 'Display Type'),
        product_id: F.m2o('product.product', 'Product'),
        product_uom_qty: F.float('Quantity', { required: true, default: () => 1 }),
        [names.soLineUom]: F.m2o('uom.uom', 'Unit of Measure'),
        price_unit: F.float('Unit Price', { required: true }),
        discount: F.float('Discount (%)'),
        [names.soLineTaxes]: F.m2m('account.tax', 'Taxes'),
        customer_lead: F.float('Lead Time', { required: true, default: () => 0 }),
        analytic_distribution: F.json('Analytic Distribution'),
        project_id: F.m2o('project.project', 'Generated Project'),
        task_id: F.m2o('project.task', 'Generated Task'),
        is_downpayment: F.bool('Is a down payment'),
        qty_delivered: F.float('Delivery Quantity'),
        qty_delivered_method: F.sel(
          ['manual', 'analytic', 'milestones', 'timesheet'],
          'Method to update delivered qty',
          { readonly: true },
        ),
        remaining_hours: F.float('Remaining Hours on SO', { readonly: true }),
        remaining_hours_available: F.bool('Remaining Hours Available', {
          readonly: true,
          compute: (env, row) => {
            const prod = product(env, row);
            return (
              prod !== undefined &&
              prod.type === 'service' &&
              prod.invoice_policy === 'order' &&
              isTimeUom(env, row[names.soLineUom])
            );
          },
        }),
        state: F.sel(states, 'Order Status', { readonly: true, compute: related('state') }),
        order_partner_id: F.m2o('res.partner', 'Customer', {
          readonly: true,
          compute: related('partner_id'),
        }),
        company_id: F.m2o('res.company', 'Company', {
          readonly: true,
          compute: related('company_id'),
        }),
        currency_id: F.m2o('res.currency', 'Currency', {
          readonly: true,
          compute: (env, row) => {
            const order =
              typeof row.order_id === 'number'
                ? env.store.table('sale.order').get(row.order_id)
                : undefined;
            const def = env.registry.require('sale.order');
            const field = def.fields.get('currency_id');
            return order !== undefined && field !== undefined
              ? fieldValue(env, def, order, field)
              : false;
          },
        }),
        is_service: F.bool('Is a Service', {
          readonly: true,
          compute: (env, row) => product(env, row)?.type === 'service',
        }),
        price_subtotal: F.money('Subtotal', {
          readonly: true,
          compute: (env, row) => lineTotals(env, row).subtotal,
        }),
        price_tax: F.float('Total Tax', {
          readonly: true,
          compute: (env, row) => lineTotals(env, row).tax,
        }),
        price_total: F.money('Total', {
          readonly: true,
          compute: (env, row) => lineTotals(env, row).total,
        }),
        qty_invoiced: F.float('Invoiced Quantity', {
          readonly: true,
          compute: (env, row) => qtyInvoiced(env, row.id),
        }),
        qty_to_invoice: F.float('Quantity To Invoice', {
          readonly: true,
          compute: (env, row) => qtyToInvoice(env, row),
        }),
        invoice_lines: F.m2m('account.move.line', 'Invoice Lines', {
          compute: (env, row) =>
            [...env.store.table('account.move.line').containing('sale_line_ids', row.id)].sort(
              (a, b) => a - b,
            ),
        }),
        timesheet_ids: F.o2m('account.analytic.line', 'so_line', 'Timesheets'),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (vals.display_type) {
            vals.product_uom_qty = 0;
            if (vals.price_unit === undefined) vals.price_unit = 0;
            return;
          }
          const prod =
            typeof vals.product_id === 'number'
              ? env.store.table('product.product').get(vals.product_id)
              : undefined;
          if (prod === undefined) return;
          if (vals.name === undefined) vals.name = displayName(env, 'product.product', prod.id);
          if (vals.price_unit === undefined) vals.price_unit = prod.list_price ?? 0;
          if (vals[names.soLineUom] === undefined) vals[names.soLineUom] = prod.uom_id ?? false;
          if (vals[names.soLineTaxes] === undefined)
            vals[names.soLineTaxes] = [[6, 0, (prod.taxes_id as number[] | undefined) ?? []]];
        },
        afterCreate: (env, ids) => ids.forEach((id) => recomputeSaleLine(env, id)),
        afterWrite: (env, ids, vals) =>
          ids.forEach((id) => recomputeSaleLine(env, id, 'qty_delivered' in vals)),
      },
    },
  ];
}

function qtyToInvoice(env: Env, row: Row): number {
  const prod = product(env, row);
  const basis =
    prod?.invoice_policy === 'delivery'
      ? Number(row.qty_delivered ?? 0)
      : Number(row.product_uom_qty ?? 0);
  const state =
    typeof row.order_id === 'number'
      ? env.store.table('sale.order').get(row.order_id)?.state
      : undefined;
  return state === 'sale' ? basis - qtyInvoiced(env, row.id) : 0;
}
