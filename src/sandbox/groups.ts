import type { SandboxProfile } from './profile';

/** Security groups the sandbox knows: xml id -> full name (category / name) as Odoo shows it. */
export const GROUP_NAMES: Readonly<Record<string, string>> = {
  'base.group_user': 'User types / Internal User',
  'base.group_system': 'Administration / Settings',
  'base.group_erp_manager': 'Administration / Access Rights',
  'hr.group_hr_user': 'Employees / Officer: Manage all employees',
  'hr_timesheet.group_hr_timesheet_user': 'Timesheets / User: own timesheets only',
  'hr_timesheet.group_hr_timesheet_approver': 'Timesheets / User: all timesheets',
  'helpdesk_mgmt.group_helpdesk_user_own': 'Helpdesk / User: Personal tickets',
  'helpdesk_mgmt.group_helpdesk_user': 'Helpdesk / User',
  'helpdesk_mgmt.group_helpdesk_manager': 'Helpdesk / Manager',
  'helpdesk.group_helpdesk_user': 'Helpdesk / User',
  'helpdesk.group_helpdesk_manager': 'Helpdesk / Administrator',
  'account.group_account_invoice': 'Invoicing / Billing',
  'account.group_account_manager': 'Invoicing / Billing Administrator',
  'sales_team.group_sale_salesman': 'Sales / User: Own Documents Only',
  'sales_team.group_sale_salesman_all_leads': 'Sales / User: All Documents',
  'sales_team.group_sale_manager': 'Sales / Administrator',
  'project.group_project_user': 'Project / User',
  'project.group_project_manager': 'Project / Administrator',
};

/** Groups implied by a group (Odoo's `implied_ids`, closed transitively by `expandGroups`). */
const IMPLIED: Readonly<Record<string, string[]>> = {
  'base.group_system': ['base.group_erp_manager', 'base.group_user'],
  'hr_timesheet.group_hr_timesheet_approver': ['hr_timesheet.group_hr_timesheet_user'],
  'helpdesk_mgmt.group_helpdesk_manager': ['helpdesk_mgmt.group_helpdesk_user'],
  'helpdesk_mgmt.group_helpdesk_user': ['helpdesk_mgmt.group_helpdesk_user_own'],
  'helpdesk.group_helpdesk_manager': ['helpdesk.group_helpdesk_user'],
  'account.group_account_manager': ['account.group_account_invoice'],
  'sales_team.group_sale_manager': ['sales_team.group_sale_salesman_all_leads'],
  'sales_team.group_sale_salesman_all_leads': ['sales_team.group_sale_salesman'],
  'project.group_project_manager': ['project.group_project_user'],
};

/** A set of groups with everything they imply. */
export function expandGroups(groups: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const queue = [...groups];
  while (queue.length > 0) {
    const group = queue.pop() as string;
    if (out.has(group)) continue;
    out.add(group);
    queue.push(...(IMPLIED[group] ?? []));
  }
  return out;
}

/** The group granting "Helpdesk / User" in the profile's helpdesk flavour. */
export function helpdeskUserGroup(profile: SandboxProfile): string {
  return profile.helpdesk === 'enterprise'
    ? 'helpdesk.group_helpdesk_user'
    : 'helpdesk_mgmt.group_helpdesk_user';
}

/** Every group an administrator of the profile holds. */
export function adminGroups(profile: SandboxProfile): Set<string> {
  const oca = profile.helpdesk === 'oca';
  return expandGroups(
    Object.keys(GROUP_NAMES).filter((id) =>
      oca ? !id.startsWith('helpdesk.') : !id.startsWith('helpdesk_mgmt.'),
    ),
  );
}

export const TIMESHEET_USER = 'hr_timesheet.group_hr_timesheet_user';
export const INVOICING_GROUPS = ['account.group_account_invoice'];
export const SALES_GROUPS = ['sales_team.group_sale_salesman'];
export const INTERNAL_USER = 'base.group_user';
export const SETTINGS = 'base.group_system';

/** Technical models (ir.*): every internal user reads them, only Administration / Settings changes them. */
export const SETTINGS_ONLY = {
  read: [INTERNAL_USER],
  write: [SETTINGS],
  create: [SETTINGS],
  unlink: [SETTINGS],
};
