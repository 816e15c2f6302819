/**
 * `tally setup` as a function: connect, check version, modules and access rights, make sure the
 * custom fields, views and (when asked) products exist, and validate the agreements config against
 * the database. Every problem becomes a checklist item; nothing is thrown for what Odoo answers.
 * Running it again changes nothing that is already right.
 */
import type { AgreementsConfig } from '../config/agreements.schema';
import type { OdooClient } from '../odoo/client';
import { isTallyError } from '../shared/errors';
import { checkAccess } from './check-access';
import { checkSaleJournal } from './check-accounting';
import { checkModules } from './check-modules';
import { ensureFields } from './ensure-fields';
import { ensureProducts } from './ensure-products';
import { ensureViews } from './ensure-views';
import { SetupOptionsSchema, type SetupOptions } from './setup-options';
import { SetupLog, type CheckArea, type SetupReport } from './setup-report';
import type { SetupStep } from './setup-step';
import { validateConfig } from './validate-config';

export interface SetupInput {
  readonly config: AgreementsConfig;
  readonly options?: Partial<SetupOptions>;
}

/** The Odoo versions Tally is verified against (odoo-verified.md). */
export const SUPPORTED_MAJORS = { oldest: 16, newest: 19 } as const;

/** Runs one step; an Odoo failure inside it becomes a failed check instead of ending setup. */
async function guarded<T>(
  log: SetupLog,
  area: CheckArea,
  what: string,
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (!isTallyError(error)) throw error;
    log.fail(
      area,
      `${area}:error`,
      `Setup could not check the ${what}: ${error.userMessage}`,
      'Fix what the message names, then run tally setup again.',
    );
    return undefined;
  }
}

function checkVersion(log: SetupLog, major: number, label: string): void {
  const { oldest, newest } = SUPPORTED_MAJORS;
  if (major < oldest) {
    log.fail(
      'connection',
      'version',
      `Odoo ${label} is older than ${oldest}, the oldest version Tally supports.`,
      `Upgrade Odoo to ${oldest} or later.`,
    );
  } else if (major > newest) {
    log.warn(
      'connection',
      'version',
      `Odoo ${label} is newer than ${newest}, the newest version Tally is verified against.`,
      'Run a dry-run sync and check its plan before relying on it.',
    );
  } else {
    log.ok('connection', 'version', `Odoo ${label} is supported.`);
  }
}

/** Connects the (not yet connected) client and runs every check; the caller closes the client. */
export async function runSetup(client: OdooClient, input: SetupInput): Promise<SetupReport> {
  const options = SetupOptionsSchema.parse(input.options ?? {});
  const log = new SetupLog();
  let session: Awaited<ReturnType<OdooClient['connect']>>;
  try {
    session = await client.connect();
  } catch (error) {
    if (!isTallyError(error)) throw error;
    log.fail(
      'connection',
      'connection',
      `Could not connect to Odoo: ${error.userMessage}`,
      'Fix the connection settings (ODOO_URL, ODOO_DB, ODOO_LOGIN, ODOO_API_KEY or ODOO_PASSWORD), then run tally setup again.',
    );
    return log.report(null);
  }
  const { version, uid, transportKind } = session;
  log.ok(
    'connection',
    'connection',
    `Connected to Odoo ${version.label} as user id ${uid} over ${transportKind}.`,
  );
  checkVersion(log, version.major, version.label);
  const modules = await checkModules(client, input.config, log);
  const { canCustomise } = await checkAccess(
    { client, major: version.major, uid },
    modules,
    input.config,
    log,
  );
  if (modules.has('account')) await checkSaleJournal(client, log);
  const step: SetupStep = { client, log, config: input.config, options, modules, canCustomise };
  const present =
    (await guarded(log, 'fields', 'custom fields', () => ensureFields(step))) ?? new Set();
  await guarded(log, 'views', 'views', () => ensureViews(step, present));
  await guarded(log, 'products', 'products', () => ensureProducts(step));
  await guarded(log, 'config', 'agreements config', () => validateConfig(step));
  return log.report({
    version: version.label,
    transport: transportKind,
    uid,
    helpdesk: modules.edition,
  });
}
