/**
 * Which Odoo modules the database has installed, and whether that is enough for Tally: a helpdesk
 * with its timesheet bridge, timesheets, invoicing, and what the agreements config's sources need.
 */
import type { AgreementsConfig } from '../config/agreements.schema';
import { where } from '../odoo/filter';
import type { OdooClient } from '../odoo/client';
import type { HelpdeskEdition } from '../odoo/profiles/field-profile';
import { isTallyError } from '../shared/errors';
import { ModuleRowSchema, SETUP_MODELS, searchAll, type ModuleRow } from './records';
import type { SetupLog } from './setup-report';

export interface InstalledModules {
  has(name: string): boolean;
  /** Which helpdesk Tally reads tickets from; null when none is usable. */
  readonly edition: HelpdeskEdition | null;
}

interface ModuleNeed {
  readonly name: string;
  readonly label: string;
  readonly why: string;
}

/** Both editions need their timesheet bridge, or timesheets cannot point at tickets. */
const HELPDESKS: Readonly<Record<HelpdeskEdition, ModuleNeed & { timesheet: string }>> = {
  oca: {
    name: 'helpdesk_mgmt',
    timesheet: 'helpdesk_mgmt_timesheet',
    label: 'OCA Helpdesk Management',
    why: 'the community helpdesk (OCA/helpdesk)',
  },
  enterprise: {
    name: 'helpdesk',
    timesheet: 'helpdesk_timesheet',
    label: 'Odoo Helpdesk',
    why: 'the Enterprise helpdesk',
  },
};

const SALE_TIMESHEET = 'sale_timesheet';

function needsOf(config: AgreementsConfig): ModuleNeed[] {
  const needs: ModuleNeed[] = [
    { name: 'hr_timesheet', label: 'Timesheets', why: 'support staff log the time Tally bills' },
    { name: 'account', label: 'Invoicing', why: 'Tally writes draft customer invoices' },
  ];
  const source = config.sources.tier.kind;
  if (source === 'oca_contract') {
    needs.push({
      name: 'contract',
      label: 'OCA Contracts',
      why: 'the config reads agreements from contracts (sources.tier.kind: oca_contract)',
    });
  }
  if (source === 'sale_order') {
    needs.push({
      name: 'sale',
      label: 'Sales',
      why: 'the config reads agreements from sale orders (sources.tier.kind: sale_order)',
    });
  }
  return needs;
}

const INSTALLED_STATES = new Set(['installed', 'to upgrade']);

function describe(row: ModuleRow | undefined, fallback: string): string {
  const label = row?.shortdesc ?? fallback;
  const version = row?.latest_version ? `, version ${row.latest_version}` : '';
  return `${row?.name ?? fallback} (${label}) is installed${version}`;
}

function checkOne(log: SetupLog, rows: Map<string, ModuleRow>, need: ModuleNeed): void {
  const row = rows.get(need.name);
  const id = `module:${need.name}`;
  if (row !== undefined && INSTALLED_STATES.has(row.state)) {
    log.ok('modules', id, `${describe(row, need.label)}.`);
  } else if (row?.state === 'to install') {
    log.fail(
      'modules',
      id,
      `${need.name} (${need.label}) is marked to install but is not installed yet.`,
      'Finish the installation in Apps, then run tally setup again.',
    );
  } else {
    log.fail(
      'modules',
      id,
      `${need.name} (${need.label}) is not installed: ${need.why}.`,
      `Install the module ${need.name} (${need.label}) in Apps.`,
    );
  }
}

function checkHelpdesk(
  log: SetupLog,
  installed: (name: string) => boolean,
): HelpdeskEdition | null {
  const present = (['oca', 'enterprise'] as const).filter((edition) =>
    installed(HELPDESKS[edition].name),
  );
  const edition = present.find((e) => installed(HELPDESKS[e].timesheet)) ?? present[0] ?? null;
  if (edition === null) {
    log.fail(
      'modules',
      'module:helpdesk',
      'No helpdesk is installed: Tally bills the time logged on helpdesk tickets.',
      'Install helpdesk_mgmt and helpdesk_mgmt_timesheet (OCA/helpdesk, Community), or Helpdesk with helpdesk_timesheet (Enterprise).',
    );
    return null;
  }
  const helpdesk = HELPDESKS[edition];
  if (!installed(helpdesk.timesheet)) {
    log.fail(
      'modules',
      'module:helpdesk',
      `${helpdesk.label} (${helpdesk.name}) is installed without ${helpdesk.timesheet}: timesheets cannot be logged on tickets.`,
      `Install the module ${helpdesk.timesheet}.`,
    );
    return null;
  }
  log.ok(
    'modules',
    'module:helpdesk',
    `${helpdesk.label} (${helpdesk.name}) is installed with ${helpdesk.timesheet}: ${helpdesk.why}.`,
  );
  return edition;
}

function checkSaleTimesheet(log: SetupLog, config: AgreementsConfig, installed: boolean): void {
  const id = `module:${SALE_TIMESHEET}`;
  if (installed) {
    log.ok('modules', id, `${SALE_TIMESHEET} (Sales Timesheet) is installed.`);
  } else if (config.prepaid.packs.length > 0) {
    log.warn(
      'modules',
      id,
      `${SALE_TIMESHEET} (Sales Timesheet) is not installed: prepaid packs still draw down on the invoices, but Odoo cannot keep their delivered and remaining hours on the sale order line (service_policy ordered_prepaid).`,
      `Install ${SALE_TIMESHEET} to see pack balances on sale orders.`,
    );
  } else {
    log.ok('modules', id, `${SALE_TIMESHEET} is not installed; no prepaid packs are configured.`);
  }
}

/** Reads the modules Tally cares about in one call and checks them; never throws for Odoo errors. */
export async function checkModules(
  client: OdooClient,
  config: AgreementsConfig,
  log: SetupLog,
): Promise<InstalledModules> {
  const names = [
    ...Object.values(HELPDESKS).flatMap((h) => [h.name, h.timesheet]),
    ...needsOf(config).map((need) => need.name),
    SALE_TIMESHEET,
    // Decides whether the Sales group is checked (packs live on sale orders).
    'sale',
  ];
  let rows: ModuleRow[];
  try {
    rows = await searchAll(
      client,
      {
        model: SETUP_MODELS.module,
        schema: ModuleRowSchema,
        fields: ['name', 'state', 'shortdesc', 'latest_version'],
      },
      where('name', 'in', names),
    );
  } catch (error) {
    if (!isTallyError(error)) throw error;
    log.fail(
      'modules',
      'modules:read',
      `The installed modules could not be read (${SETUP_MODELS.module}): ${error.userMessage}`,
      'Give the Tally user the Internal User type, which may read the module list.',
    );
    return { has: () => false, edition: null };
  }
  const byName = new Map(rows.map((row) => [row.name, row]));
  const has = (name: string): boolean => INSTALLED_STATES.has(byName.get(name)?.state ?? '');
  const edition = checkHelpdesk(log, has);
  for (const need of needsOf(config)) checkOne(log, byName, need);
  checkSaleTimesheet(log, config, has(SALE_TIMESHEET));
  return { has, edition };
}
