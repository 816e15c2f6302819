/**
 * Whether the Tally user holds the groups each part of the sync needs, asked with
 * `res.users.has_group` in the form the server's version takes (it counts implied groups).
 * odoo-verified.md: without Helpdesk / User the timesheets' ticket link is hidden.
 */
import type { AgreementsConfig } from '../config/agreements.schema';
import type { OdooClient } from '../odoo/client';
import { ENTERPRISE_HELPDESK_FIELDS } from '../odoo/profiles/enterprise-helpdesk';
import type { HelpdeskEdition } from '../odoo/profiles/field-profile';
import { OCA_HELPDESK_FIELDS } from '../odoo/profiles/oca-helpdesk-mgmt';
import { isTallyError } from '../shared/errors';
import type { InstalledModules } from './check-modules';
import { userHasGroup } from './has-group';
import type { SetupLog } from './setup-report';

interface GroupNeed {
  readonly key: string;
  readonly xmlId: string;
  /** As Odoo's user form shows it: application / group. */
  readonly label: string;
  readonly why: string;
}

/** The group that lets setup create fields and views; the sync itself does not need it. */
export const SETTINGS_GROUP: GroupNeed = {
  key: 'settings',
  xmlId: 'base.group_system',
  label: 'Administration / Settings',
  why: 'to create custom fields and views',
};

const HELPDESK_USER: Readonly<Record<HelpdeskEdition, string>> = {
  oca: 'helpdesk_mgmt.group_helpdesk_user',
  enterprise: 'helpdesk.group_helpdesk_user',
};

const TICKET_LINK: Readonly<Record<HelpdeskEdition, string>> = {
  oca: OCA_HELPDESK_FIELDS.timesheetTicketField,
  enterprise: ENTERPRISE_HELPDESK_FIELDS.timesheetTicketField,
};

function needsOf(modules: InstalledModules, config: AgreementsConfig): GroupNeed[] {
  const needs: GroupNeed[] = [];
  if (modules.edition !== null) {
    needs.push({
      key: 'helpdesk_user',
      xmlId: HELPDESK_USER[modules.edition],
      label: 'Helpdesk / User',
      why: `to read every ticket and the ticket of each timesheet (${TICKET_LINK[modules.edition]} is hidden without it)`,
    });
  }
  if (modules.has('hr_timesheet')) {
    needs.push({
      key: 'timesheet_user',
      xmlId: 'hr_timesheet.group_hr_timesheet_approver',
      label: 'Timesheets / User: all timesheets',
      why: 'to read and mark every employee’s timesheet lines ("own timesheets only" shows the Tally user’s own)',
    });
  }
  if (modules.has('account')) {
    needs.push({
      key: 'invoicing',
      xmlId: 'account.group_account_invoice',
      label: 'Invoicing / Billing',
      why: 'to read and write draft customer invoices (account.move)',
    });
  }
  const readsOrders = config.prepaid.packs.length > 0 || config.sources.tier.kind === 'sale_order';
  if (modules.has('sale') && readsOrders) {
    needs.push({
      key: 'sales_user',
      xmlId: 'sales_team.group_sale_salesman_all_leads',
      label: 'Sales / User: All Documents',
      why: 'to read the prepaid packs and agreements on every customer’s sale orders',
    });
  }
  return needs;
}

/** An administrator grants groups on the user's form; an API key of an admin also works for setup. */
function grantFix(label: string): string {
  return `An administrator can grant the Tally user the group ${label} (Settings → Users & Companies → Users).`;
}

/** Who is asked: the connected user on a server of the given major version. */
interface Asker {
  readonly client: OdooClient;
  readonly major: number;
  readonly uid: number;
}

const holds = (asker: Asker, xmlId: string): Promise<boolean> =>
  userHasGroup(asker.client, asker.major, asker.uid, xmlId);

async function checkGroup(asker: Asker, need: GroupNeed, log: SetupLog): Promise<boolean> {
  const id = `group:${need.key}`;
  try {
    if (await holds(asker, need.xmlId)) {
      log.ok('access', id, `The Tally user has ${need.label}.`);
      return true;
    }
  } catch (error) {
    if (!isTallyError(error)) throw error;
    log.fail(
      'access',
      id,
      `Could not check the group ${need.label} (${need.xmlId}): ${error.userMessage}`,
      grantFix(need.label),
    );
    return false;
  }
  log.fail(
    'access',
    id,
    `The Tally user lacks ${need.label}, needed ${need.why}.`,
    grantFix(need.label),
  );
  return false;
}

/** Checks each group the sync needs; answers whether the user may also create fields and views. */
export async function checkAccess(
  asker: Asker,
  modules: InstalledModules,
  config: AgreementsConfig,
  log: SetupLog,
): Promise<{ canCustomise: boolean }> {
  for (const need of needsOf(modules, config)) await checkGroup(asker, need, log);
  let canCustomise: boolean;
  try {
    canCustomise = await holds(asker, SETTINGS_GROUP.xmlId);
  } catch (error) {
    if (!isTallyError(error)) throw error;
    // Not knowing is not "no": setup would then skip every field and call the result "in place".
    log.fail(
      'access',
      `group:${SETTINGS_GROUP.key}`,
      `Could not check the group ${SETTINGS_GROUP.label} (${SETTINGS_GROUP.xmlId}): ${error.userMessage}`,
      grantFix(SETTINGS_GROUP.label),
    );
    return { canCustomise: false };
  }
  log.ok(
    'access',
    `group:${SETTINGS_GROUP.key}`,
    canCustomise
      ? `The Tally user has ${SETTINGS_GROUP.label}, so setup can create fields and views.`
      : `The Tally user does not have ${SETTINGS_GROUP.label}: the sync does not need it, setup only ${SETTINGS_GROUP.why} (checked below).`,
  );
  return { canCustomise };
}

/** The fix for something setup must create but may not: grant Settings for the setup run. */
export function settingsFix(): string {
  return `${grantFix(SETTINGS_GROUP.label)} It is needed only while tally setup runs (or run setup once with an administrator’s API key).`;
}
