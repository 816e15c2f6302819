import { F } from '../fields';
import { SETTINGS_ONLY } from '../groups';
import type { SandboxProfile } from '../profile';
import type { ModelSpec } from '../types';

export const MODULE_STATES = [
  ['uninstallable', 'Uninstallable'],
  ['uninstalled', 'Not Installed'],
  ['installed', 'Installed'],
  ['to upgrade', 'To be upgraded'],
  ['to remove', 'To be removed'],
  ['to install', 'To be installed'],
] as [string, string][];

/** A module row as the sandbox installs it: technical name, shown name, state. */
export interface ModuleRow {
  readonly name: string;
  readonly shortdesc: string;
  readonly state: 'installed' | 'uninstalled';
  /** OCA modules carry five-part versions (`17.0.1.0.0`), core modules four. */
  readonly oca?: boolean;
}

const CORE: readonly ModuleRow[] = [
  { name: 'base', shortdesc: 'Base', state: 'installed' },
  { name: 'web', shortdesc: 'Web', state: 'installed' },
  { name: 'mail', shortdesc: 'Discuss', state: 'installed' },
  { name: 'uom', shortdesc: 'Units of measure', state: 'installed' },
  { name: 'product', shortdesc: 'Products & Pricelists', state: 'installed' },
  { name: 'analytic', shortdesc: 'Analytic Accounting', state: 'installed' },
  { name: 'account', shortdesc: 'Invoicing', state: 'installed' },
  { name: 'hr', shortdesc: 'Employees', state: 'installed' },
  { name: 'project', shortdesc: 'Project', state: 'installed' },
  { name: 'hr_timesheet', shortdesc: 'Task Logs', state: 'installed' },
  { name: 'sale', shortdesc: 'Sales', state: 'installed' },
  { name: 'sale_management', shortdesc: 'Sales', state: 'installed' },
  { name: 'sale_project', shortdesc: 'Sales - Project', state: 'installed' },
  { name: 'sale_timesheet', shortdesc: 'Sales Timesheet', state: 'installed' },
  {
    name: 'contract',
    shortdesc: 'Recurring - Contracts Management',
    state: 'installed',
    oca: true,
  },
  { name: 'crm', shortdesc: 'CRM', state: 'uninstalled' },
  { name: 'stock', shortdesc: 'Inventory', state: 'uninstalled' },
  { name: 'purchase', shortdesc: 'Purchase', state: 'uninstalled' },
];

const OCA_HELPDESK: readonly ModuleRow[] = [
  { name: 'helpdesk_mgmt', shortdesc: 'Helpdesk Management', state: 'installed', oca: true },
  { name: 'helpdesk_mgmt_project', shortdesc: 'Helpdesk Project', state: 'installed', oca: true },
  {
    name: 'helpdesk_mgmt_timesheet',
    shortdesc: 'Helpdesk Timesheet',
    state: 'installed',
    oca: true,
  },
  // Available in the OCA repository but not installed: the sandbox has no ticket types.
  { name: 'helpdesk_type', shortdesc: 'Helpdesk Ticket Type', state: 'uninstalled', oca: true },
];

const ENTERPRISE_HELPDESK: readonly ModuleRow[] = [
  { name: 'helpdesk', shortdesc: 'Helpdesk', state: 'installed' },
  { name: 'helpdesk_timesheet', shortdesc: 'Helpdesk Timesheet', state: 'installed' },
  // Enterprise databases bring subscriptions: sale orders with `is_subscription` (sale.ts).
  { name: 'sale_subscription', shortdesc: 'Subscriptions', state: 'installed' },
];

/** The modules the profile's database lists: the models the sandbox emulates, installed. */
export function profileModules(profile: SandboxProfile): readonly ModuleRow[] {
  return [...CORE, ...(profile.helpdesk === 'oca' ? OCA_HELPDESK : ENTERPRISE_HELPDESK)];
}

/** `latest_version` as Odoo stores it for an installed module; false when not installed. */
export function moduleVersion(profile: SandboxProfile, module: ModuleRow): string | false {
  if (module.state !== 'installed') return false;
  return `${profile.odooVersion}.0.1.0${module.oca === true ? '.0' : ''}`;
}

/** ir.module.module: every internal user may read which modules are installed. */
export function irModuleModels(): ModelSpec[] {
  return [
    {
      name: 'ir.module.module',
      description: 'Module',
      order: 'application desc, sequence, name',
      access: SETTINGS_ONLY,
      fields: {
        name: F.char('Technical Name', { required: true, readonly: true }),
        shortdesc: F.char('Module Name', { readonly: true }),
        summary: F.char('Summary', { readonly: true }),
        author: F.char('Author', { readonly: true }),
        latest_version: F.char('Installed Version', { readonly: true }),
        state: F.sel(MODULE_STATES, 'Status', { readonly: true, default: () => 'uninstallable' }),
        application: F.bool('Application', { readonly: true }),
        sequence: F.int('Sequence', { default: () => 100 }),
      },
    },
  ];
}
