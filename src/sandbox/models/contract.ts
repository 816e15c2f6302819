import { refOf, roundMoney, storeComputed, today } from '../env';
import { F } from '../fields';
import type { Row } from '../store';
import type { Env, ModelSpec } from '../types';
import { mailThreadMethods } from './mail';

const RULES = ['daily', 'weekly', 'monthly', 'monthlylastday', 'quarterly', 'semesterly', 'yearly'];

/** OCA's `_compute_date_end`: the latest line end when every line has one, else none. */
function recomputeDateEnd(env: Env, contractIds: Iterable<number>): void {
  const lines = env.store.table('contract.line');
  for (const id of new Set(contractIds)) {
    const ends = [...lines.referencing('contract_id', id)].map((line) => lines.get(line)?.date_end);
    const all = ends.length > 0 && ends.every((end): end is string => typeof end === 'string');
    storeComputed(env, 'contract.contract', id, { date_end: all ? ends.sort().at(-1) : false });
  }
}

function contractIdsOf(rows: Iterable<Row | undefined>): number[] {
  return [...rows].flatMap((row) =>
    typeof row?.contract_id === 'number' ? [row.contract_id] : [],
  );
}

/** `price_unit` is computed: the pricelist's price when automatic, else the specific price. */
function lineUnitPrice(env: Env, row: Row): number {
  if (row.automatic_price !== true) return Number(row.specific_price ?? 0);
  const product =
    typeof row.product_id === 'number'
      ? env.store.table('product.product').get(row.product_id)
      : undefined;
  return Number(product?.list_price ?? 0);
}

/**
 * OCA contract: contract.contract and contract.line as Tally reads them as agreements, with the
 * computes that decide validity and price: the contract's end from its lines, a line's unit price.
 */
export function contractModels(): ModelSpec[] {
  return [
    {
      name: 'contract.contract',
      description: 'Contract',
      order: 'code, name asc',
      fields: {
        name: F.char('Name', { required: true }),
        code: F.char('Reference'),
        partner_id: F.m2o('res.partner', 'Partner', { required: true }),
        invoice_partner_id: F.m2o('res.partner', 'Invoicing contact'),
        commercial_partner_id: F.m2o('res.partner', 'Commercial Entity', {
          readonly: true,
          compute: (env, row) =>
            typeof row.partner_id === 'number'
              ? (refOf(env, 'res.partner', row.partner_id, 'commercial_partner_id') ??
                row.partner_id)
              : false,
        }),
        contract_type: F.sel(['sale', 'purchase'], 'Contract Type', { default: () => 'sale' }),
        journal_id: F.m2o('account.journal', 'Journal'),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          default: (env) => env.companyId,
        }),
        contract_line_ids: F.o2m('contract.line', 'contract_id', 'Contract lines'),
        date_start: F.date('Date Start', { default: (env) => today(env) }),
        date_end: F.date('Date End'),
        recurring_next_date: F.date('Date of Next Invoice'),
        line_recurrence: F.bool('Recurrence at line level?'),
        is_terminated: F.bool('Terminated'),
        active: F.bool('Active', { default: () => true }),
      },
      methods: mailThreadMethods('contract.contract'),
    },
    {
      name: 'contract.line',
      description: 'Contract Line',
      order: 'sequence,id',
      fields: {
        contract_id: F.m2o('contract.contract', 'Contract', { required: true, cascade: true }),
        sequence: F.int('Sequence', { default: () => 10 }),
        display_type: F.sel(['line_section', 'line_note'], 'Display Type'),
        product_id: F.m2o('product.product', 'Product'),
        name: F.text('Description', { required: true }),
        quantity: F.float('Quantity', { default: () => 1 }),
        uom_id: F.m2o('uom.uom', 'Unit of Measure'),
        automatic_price: F.bool('Auto-price?'),
        specific_price: F.float('Specific Price'),
        price_unit: F.float('Unit Price', {
          compute: lineUnitPrice,
          inverse: (_env, value) => ({ specific_price: Number(value ?? 0) }),
        }),
        price_subtotal: F.float('Sub Total', {
          readonly: true,
          compute: (env, row) =>
            roundMoney(
              Number(row.quantity ?? 0) *
                lineUnitPrice(env, row) *
                (1 - Number(row.discount ?? 0) / 100),
            ),
        }),
        discount: F.float('Discount (%)'),
        date_start: F.date('Date Start', { required: true, default: (env) => today(env) }),
        date_end: F.date('Date End'),
        recurring_next_date: F.date('Date of Next Invoice'),
        last_date_invoiced: F.date('Last Date Invoiced'),
        recurring_rule_type: F.sel(RULES, 'Recurrence', { default: () => 'monthly' }),
        recurring_interval: F.int('Invoice Every', { default: () => 1 }),
        recurring_invoicing_type: F.sel(['pre-paid', 'post-paid'], 'Invoicing type', {
          default: () => 'pre-paid',
        }),
        is_canceled: F.bool('Canceled'),
        is_auto_renew: F.bool('Auto Renew'),
        analytic_distribution: F.json('Analytic Distribution'),
      },
      hooks: {
        afterCreate: (env, ids) =>
          recomputeDateEnd(
            env,
            contractIdsOf(ids.map((id) => env.store.table('contract.line').get(id))),
          ),
        afterWrite: (env, ids, vals) => {
          if ('date_end' in vals || 'contract_id' in vals)
            recomputeDateEnd(
              env,
              contractIdsOf(ids.map((id) => env.store.table('contract.line').get(id))),
            );
        },
        afterUnlink: (env, rows) => recomputeDateEnd(env, contractIdsOf(rows)),
      },
    },
  ];
}
