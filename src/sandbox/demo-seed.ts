import { profileNames, type SandboxProfile } from './profile';
import type { SandboxSeed, SeedStep } from './seed';
import { ref, ticketStep, timesheetStep } from './seed-steps';

/** The service categories of the support terms (design.md §1), as helpdesk categories or tags. */
export const SERVICE_CATEGORIES = [
  'Patching',
  'Technical support',
  'New instance',
  'Backup restore',
  'External config',
  'User support',
  'Bug fix',
  'Upgrade',
  'New functionality',
  'Data import',
  'Database correction',
  'Training',
  'Resource provision',
  'External app support',
  'Transaction service',
  'License',
];

export const AGREEMENT_TAGS = ['On Demand', 'Patch Agreement', 'Maintenance and Support Agreement'];

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

function product(
  code: string,
  name: string,
  price: number,
  invoicePolicy: 'order' | 'delivery',
): SeedStep {
  return {
    model: 'product.product',
    ref: `product_${slug(code)}`,
    values: {
      name,
      default_code: code,
      type: 'service',
      list_price: price,
      invoice_policy: invoicePolicy,
      service_type: 'timesheet',
      uom_id: ref('uom.product_uom_hour'),
      taxes_id: [[6, 0, [ref('tax_25')]]],
      property_account_income_id: ref('account_income'),
    },
  };
}

/** A small Swedish support company: SEK, Europe/Stockholm, agreements as partner tags, prepaid packs. */
export function demoSeed(profile: SandboxProfile): SandboxSeed {
  const names = profileNames(profile);
  const oca = profile.helpdesk === 'oca';
  const categoryModel = oca ? 'helpdesk.ticket.category' : names.tagModel;
  const records: SeedStep[] = [
    {
      model: 'res.company',
      write: 'base.main_company',
      values: { name: 'Tally Demo AB', currency_id: ref('base.SEK') },
    },
    {
      model: 'res.partner',
      write: 'base.main_partner',
      values: { name: 'Tally Demo AB', tz: 'Europe/Stockholm' },
    },
    { model: 'res.users', write: 'base.user_admin', values: { tz: 'Europe/Stockholm' } },
    {
      model: 'account.account',
      ref: 'account_income',
      values: { name: 'Försäljning tjänster', code: '3041', account_type: 'income' },
    },
    {
      model: 'account.account',
      ref: 'account_receivable',
      values: {
        name: 'Kundfordringar',
        code: '1510',
        account_type: 'asset_receivable',
        reconcile: true,
      },
    },
    {
      model: 'account.journal',
      ref: 'journal_sale',
      values: {
        name: 'Customer Invoices',
        code: 'INV',
        type: 'sale',
        default_account_id: ref('account_income'),
      },
    },
    {
      model: 'account.tax',
      ref: 'tax_25',
      values: { name: 'Moms 25%', amount: 25, amount_type: 'percent', type_tax_use: 'sale' },
    },
    ...AGREEMENT_TAGS.map((name): SeedStep => ({
      model: 'res.partner.category',
      ref: `tag_${slug(name)}`,
      values: { name },
    })),
    product('SUPPORT-HOUR', 'Support hour', 950, 'delivery'),
    product('SUPPORT-PACK-25', 'Support Pack 25 h', 900, 'order'),
    product('SUPPORT-PACK-100', 'Support Pack 100 h', 850, 'order'),
    {
      model: 'res.partner',
      ref: 'acme',
      values: { name: 'Acme AB', is_company: true, category_id: [[6, 0, [ref('tag_on_demand')]]] },
    },
    {
      model: 'res.partner',
      ref: 'acme_jane',
      values: { name: 'Jane Doe', parent_id: ref('acme'), email: 'jane@acme.example' },
    },
    {
      model: 'res.partner',
      ref: 'nordpatch',
      values: {
        name: 'Nordic Patch AB',
        is_company: true,
        category_id: [[6, 0, [ref('tag_patch_agreement')]]],
      },
    },
    {
      model: 'res.partner',
      ref: 'fjord',
      values: {
        name: 'Fjord Maintenance AB',
        is_company: true,
        category_id: [
          [6, 0, [ref('tag_patch_agreement'), ref('tag_maintenance_and_support_agreement')]],
        ],
      },
    },
    {
      model: 'hr.employee',
      ref: 'employee_admin',
      values: { name: 'Mitchell Admin', user_id: ref('base.user_admin'), hourly_cost: 500 },
    },
    {
      model: 'hr.employee',
      ref: 'employee_sara',
      values: { name: 'Sara Support', hourly_cost: 450 },
    },
    {
      model: 'project.project',
      ref: 'project_support',
      values: { name: 'Support', allow_timesheets: true, allow_billable: true },
    },
    {
      model: names.teamModel,
      ref: 'team_support',
      values: oca
        ? { name: 'Support', allow_timesheet: true, default_project_id: ref('project_support') }
        : { name: 'Support', use_helpdesk_timesheet: true, project_id: ref('project_support') },
    },
    ...SERVICE_CATEGORIES.map((name): SeedStep => ({
      model: categoryModel,
      ref: `category_${slug(name)}`,
      values: { name },
    })),
    ticketStep('ticket_vpn', 'VPN down', 'acme_jane', 'technical_support', profile.helpdesk),
    ticketStep('ticket_import', 'Import price list', 'fjord', 'data_import', profile.helpdesk),
    ticketStep('ticket_patch', 'Monthly patching', 'nordpatch', 'patching', profile.helpdesk),
    timesheetStep('ticket_vpn', 'Investigated VPN', 1.5, '2026-01-12', profile.helpdesk),
    timesheetStep('ticket_import', 'Imported prices', 3, '2026-01-14', profile.helpdesk),
    timesheetStep('ticket_patch', 'Patched servers', 2, '2026-01-15', profile.helpdesk),
    {
      model: 'sale.order',
      ref: 'order_acme_pack',
      values: {
        partner_id: ref('acme'),
        date_order: '2026-01-02 09:00:00',
        order_line: [[0, 0, { product_id: ref('product_support_pack_25'), product_uom_qty: 25 }]],
      },
    },
    { model: 'sale.order', call: 'action_confirm', on: ['order_acme_pack'] },
  ];
  return { base: 'empty', records };
}
