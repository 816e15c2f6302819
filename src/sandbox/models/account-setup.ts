import { F } from '../fields';
import { INVOICING_GROUPS } from '../groups';
import type { SandboxProfile } from '../profile';
import type { FieldSpec, ModelSpec } from '../types';

const ACCOUNT_TYPES = [
  'asset_receivable',
  'asset_cash',
  'asset_current',
  'liability_payable',
  'liability_current',
  'equity',
  'income',
  'income_other',
  'expense',
  'off_balance',
];

/** account.account, account.journal, account.tax and account.payment (what invoices refer to). */
export function accountSetupModels(profile: SandboxProfile): ModelSpec[] {
  const v = profile.odooVersion;
  const company: Record<string, FieldSpec> =
    v >= 19
      ? { company_ids: F.m2m('res.company', 'Companies') }
      : {
          company_id: F.m2o('res.company', 'Company', {
            required: true,
            default: (env) => env.companyId,
          }),
        };
  return [
    {
      name: 'account.account',
      description: 'Account',
      order: 'code, id',
      displayName: (_env, row) => `${String(row.code)} ${String(row.name)}`,
      fields: {
        name: F.char('Account Name', { required: true }),
        code: F.char('Code', { required: true }),
        account_type: F.sel(ACCOUNT_TYPES, 'Type', { required: true }),
        reconcile: F.bool('Allow Reconciliation'),
        deprecated: F.bool('Deprecated'),
        ...company,
      },
    },
    {
      name: 'account.journal',
      description: 'Journal',
      order: 'sequence, type, code',
      fields: {
        name: F.char('Journal Name', { required: true }),
        code: F.char('Short Code', { required: true }),
        type: F.sel(['sale', 'purchase', 'cash', 'bank', 'general'], 'Type', { required: true }),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          default: (env) => env.companyId,
        }),
        default_account_id: F.m2o('account.account', 'Default Account'),
        currency_id: F.m2o('res.currency', 'Currency'),
        sequence: F.int('Sequence', { default: () => 10 }),
        active: F.bool('Active', { default: () => true }),
      },
    },
    {
      name: 'account.tax',
      description: 'Tax',
      order: 'sequence, id',
      fields: {
        name: F.char('Tax Name', { required: true }),
        amount: F.float('Amount', { required: true }),
        amount_type: F.sel(['group', 'fixed', 'percent', 'division'], 'Tax Computation', {
          required: true,
          default: () => 'percent',
        }),
        type_tax_use: F.sel(['sale', 'purchase', 'none'], 'Tax Type', {
          required: true,
          default: () => 'sale',
        }),
        price_include: F.bool('Included in Price'),
        description: F.char('Label on Invoices'),
        sequence: F.int('Sequence', { default: () => 1 }),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          default: (env) => env.companyId,
        }),
        active: F.bool('Active', { default: () => true }),
      },
    },
    {
      name: 'account.payment',
      description: 'Payments',
      access: { read: INVOICING_GROUPS },
      fields: {
        name: F.char('Number'),
        amount: F.money('Amount'),
        partner_id: F.m2o('res.partner', 'Customer/Vendor'),
        date: F.date('Date'),
      },
    },
  ];
}
