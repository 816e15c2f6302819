import { profileNames, type SandboxProfile } from './profile';
import type { SeedStep } from './seed';
import { ref } from './seed-steps';

export const AGREEMENT_TAGS = ['On Demand', 'Patch Agreement', 'Maintenance and Support Agreement'];

/** The ref suffix of a name: "Patch Agreement" → "patch_agreement". */
export const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

function product(
  profile: SandboxProfile,
  code: string,
  name: string,
  price: number,
  invoicePolicy: 'order' | 'delivery',
): SeedStep {
  const v = profile.odooVersion;
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
      // 16-18 refuse a purchase unit of another category than the unit (it defaults to Units).
      ...(v <= 18 ? { uom_po_id: ref('uom.product_uom_hour') } : {}),
      ...(v <= 17 ? { detailed_type: 'service' } : {}),
      service_tracking: 'no',
      taxes_id: [[6, 0, [ref('tax_25')]]],
      property_account_income_id: ref('account_income'),
    },
  };
}

/**
 * A Swedish support company: SEK, Europe/Stockholm, Swedish accounts and 25 % VAT, the agreement
 * partner tags (refs `tag_<slug>`) and the hourly and pack products (refs `product_<slug>`). The
 * sales journal is the one every fresh database with Invoicing already has.
 */
export function companySteps(companyName: string, profile: SandboxProfile): SeedStep[] {
  return [
    // Every currency but the company's ships inactive on a real Odoo.
    { model: 'res.currency', write: 'base.SEK', values: { active: true } },
    {
      model: 'res.company',
      write: 'base.main_company',
      values: { name: companyName, currency_id: ref('base.SEK') },
    },
    {
      model: 'res.partner',
      write: 'base.main_partner',
      values: { name: companyName, tz: 'Europe/Stockholm' },
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
      model: 'account.tax',
      ref: 'tax_25',
      values: { name: 'Moms 25%', amount: 25, amount_type: 'percent', type_tax_use: 'sale' },
    },
    ...AGREEMENT_TAGS.map((name): SeedStep => ({
      model: 'res.partner.category',
      ref: `tag_${slug(name)}`,
      values: { name },
    })),
    product(profile, 'SUPPORT-HOUR', 'Support hour', 950, 'delivery'),
    product(profile, 'SUPPORT-PACK-25', 'Support Pack 25 h', 900, 'order'),
    product(profile, 'SUPPORT-PACK-100', 'Support Pack 100 h', 850, 'order'),
  ];
}

/**
 * The Support project and helpdesk team (refs `project_support`, `team_support`) and one ticket
 * category per name (refs `category_<slug>`): a ticket category on OCA, a tag on Enterprise.
 */
export function supportDeskSteps(
  profile: SandboxProfile,
  categories: readonly string[],
): SeedStep[] {
  const names = profileNames(profile);
  const oca = profile.helpdesk === 'oca';
  const categoryModel = oca ? 'helpdesk.ticket.category' : names.tagModel;
  return [
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
    ...categories.map((name): SeedStep => ({
      model: categoryModel,
      ref: `category_${slug(name)}`,
      values: { name },
    })),
  ];
}
