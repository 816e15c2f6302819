import { displayName } from '../env';
import { userError } from '../errors';
import { F } from '../fields';
import { INVOICING_GROUPS } from '../groups';
import type { SandboxProfile } from '../profile';
import type { Env, ModelSpec, Vals } from '../types';
import { amounts, moveState, MOVE_TYPES, POSTED_EDIT } from './account-move';

/** account.move.line: invoice lines with computed subtotals; frozen while their move is posted. */
export function accountMoveLineModels(profile: SandboxProfile): ModelSpec[] {
  const v = profile.odooVersion;
  const lineTypes = [
    'product',
    'cogs',
    'tax',
    'discount',
    'rounding',
    'payment_term',
    'line_section',
    ...(v >= 19 ? ['line_subsection'] : []),
    'line_note',
    'epd',
  ];
  const access = { read: INVOICING_GROUPS };
  const empty = (): boolean => false;
  return [
    {
      name: 'account.move.line',
      description: 'Journal Item',
      order: 'date desc, move_name desc, id',
      access,
      displayName: (env, row) =>
        typeof row.name === 'string'
          ? row.name
          : displayName(env, 'account.move', Number(row.move_id)),
      fields: {
        move_id: F.m2o('account.move', 'Journal Entry', {
          required: true,
          readonly: true,
          cascade: true,
        }),
        name: F.char('Label'),
        sequence: F.int('Sequence', { default: () => 10 }),
        display_type: F.sel(lineTypes, 'Display Type', {
          required: true,
          default: () => 'product',
        }),
        product_id: F.m2o('product.product', 'Product'),
        product_uom_id: F.m2o('uom.uom', 'Unit of Measure'),
        quantity: F.float('Quantity', { default: () => 1 }),
        price_unit: F.float('Unit Price'),
        discount: F.float('Discount (%)'),
        tax_ids: F.m2m('account.tax', 'Taxes'),
        account_id: F.m2o('account.account', 'Account'),
        partner_id: F.m2o('res.partner', 'Partner'),
        currency_id: F.m2o('res.currency', 'Currency', { required: true }),
        analytic_distribution: F.json('Analytic Distribution'),
        sale_line_ids: F.m2m('sale.order.line', 'Sales Order Lines', { readonly: true }),
        contract_line_id: F.m2o('contract.line', 'Contract Line'),
        price_subtotal: F.money('Subtotal', {
          readonly: true,
          compute: (env, row) => amounts(env, row).subtotal,
        }),
        price_total: F.money('Total', {
          readonly: true,
          compute: (env, row) => amounts(env, row).total,
        }),
        move_name: F.char('Number', {
          readonly: true,
          compute: (env, row) =>
            env.store.table('account.move').get(Number(row.move_id))?.name ?? false,
        }),
        parent_state: F.sel(['draft', 'posted', 'cancel'], 'Status', {
          readonly: true,
          compute: (env, row) => moveState(env, row.move_id) ?? false,
        }),
        move_type: F.sel(MOVE_TYPES, 'Type', {
          readonly: true,
          compute: (env, row) =>
            env.store.table('account.move').get(Number(row.move_id))?.move_type ?? false,
        }),
        date: F.date('Date', {
          readonly: true,
          compute: (env, row) =>
            env.store.table('account.move').get(Number(row.move_id))?.date ?? false,
        }),
        journal_id: F.m2o('account.journal', 'Journal', {
          readonly: true,
          compute: (env, row) =>
            env.store.table('account.move').get(Number(row.move_id))?.journal_id ?? false,
        }),
        company_id: F.m2o('res.company', 'Company', {
          readonly: true,
          compute: (env, row) =>
            env.store.table('account.move').get(Number(row.move_id))?.company_id ?? false,
        }),
        ...(v >= 19
          ? {
              non_deductible_product_total: F.bool('Non Deductible Product Total', {
                compute: empty,
              }),
              non_deductible_product: F.bool('Non Deductible Product', { compute: empty }),
              non_deductible_tax: F.bool('Non Deductible Tax', { compute: empty }),
            }
          : {}),
      },
      hooks: {
        prepareCreate: (env, vals) => prepareLine(env, vals),
        beforeWrite: (env, ids, vals) => {
          const table = env.store.table('account.move.line');
          if (
            Object.keys(vals).some((key) => !key.startsWith('x_')) &&
            ids.some((id) => moveState(env, table.get(id)?.move_id) === 'posted')
          ) {
            throw userError(POSTED_EDIT);
          }
        },
        beforeUnlink: (env, ids) => {
          const table = env.store.table('account.move.line');
          if (ids.some((id) => moveState(env, table.get(id)?.move_id) === 'posted'))
            throw userError(POSTED_EDIT);
        },
      },
    },
  ];
}

/** Section and note lines carry no account and no quantity; product lines default from the product. */
function prepareLine(env: Env, vals: Vals): void {
  if (moveState(env, vals.move_id) === 'posted') throw userError(POSTED_EDIT);
  const move =
    typeof vals.move_id === 'number'
      ? env.store.table('account.move').get(vals.move_id)
      : undefined;
  if (!vals.currency_id) vals.currency_id = move?.currency_id ?? false;
  if (vals.display_type !== 'product') {
    Object.assign(vals, { account_id: false, quantity: 0, price_unit: 0, product_id: false });
    return;
  }
  if (vals.partner_id === undefined) vals.partner_id = move?.partner_id ?? false;
  const prod =
    typeof vals.product_id === 'number'
      ? env.store.table('product.product').get(vals.product_id)
      : undefined;
  if (prod !== undefined) {
    if (vals.name === undefined) vals.name = displayName(env, 'product.product', prod.id);
    if (vals.price_unit === undefined) vals.price_unit = prod.list_price ?? 0;
    if (vals.product_uom_id === undefined) vals.product_uom_id = prod.uom_id ?? false;
    if (vals.tax_ids === undefined)
      vals.tax_ids = [[6, 0, (prod.taxes_id as number[] | undefined) ?? []]];
  }
  if (!vals.account_id) {
    const journal =
      typeof move?.journal_id === 'number'
        ? env.store.table('account.journal').get(move.journal_id)
        : undefined;
    vals.account_id = prod?.property_account_income_id || journal?.default_account_id || false;
  }
}
