import { companySteps, supportDeskSteps } from './company-steps';
import type { SandboxProfile } from './profile';
import type { SandboxSeed, SeedStep } from './seed';
import { ref, ticketStep, timesheetStep } from './seed-steps';

export { AGREEMENT_TAGS } from './company-steps';

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

/** A small Swedish support company: SEK, Europe/Stockholm, agreements as partner tags, prepaid packs. */
export function demoSeed(profile: SandboxProfile): SandboxSeed {
  const records: SeedStep[] = [
    ...companySteps('Tally Demo AB', profile),
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
      write: 'hr.employee_admin',
      ref: 'employee_admin',
      values: { name: 'Mitchell Admin', hourly_cost: 500 },
    },
    {
      model: 'hr.employee',
      ref: 'employee_sara',
      values: { name: 'Sara Support', hourly_cost: 450 },
    },
    ...supportDeskSteps(profile, SERVICE_CATEGORIES),
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
    // Confirming stamps the confirmation time (odoo-verified.md): the pack's own date goes back.
    {
      model: 'sale.order',
      write: 'order_acme_pack',
      values: { date_order: '2026-01-02 09:00:00' },
    },
  ];
  return { base: 'empty', records };
}
