import { refOf } from '../env';
import { F } from '../fields';
import type { ModelSpec } from '../types';
import { mailThreadMethods } from './mail';

const RULES = ['daily', 'weekly', 'monthly', 'monthlylastday', 'quarterly', 'semesterly', 'yearly'];

/** OCA contract: contract.contract and contract.line (data only; Tally reads them as agreements). */
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
        date_start: F.date('Date Start'),
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
        price_unit: F.float('Unit Price'),
        discount: F.float('Discount (%)'),
        date_start: F.date('Date Start'),
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
    },
  ];
}
