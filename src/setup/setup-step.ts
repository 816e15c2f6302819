import type { AgreementsConfig } from '../config/agreements.schema';
import type { OdooClient } from '../odoo/client';
import type { InstalledModules } from './check-modules';
import type { SetupOptions } from './setup-options';
import type { CheckArea, SetupLog } from './setup-report';

/** What every step after the connection, module and access checks works with. */
export interface SetupStep {
  readonly client: OdooClient;
  readonly log: SetupLog;
  readonly config: AgreementsConfig;
  readonly options: SetupOptions;
  readonly modules: InstalledModules;
  /** The user holds Administration / Settings, so it may create fields and views. */
  readonly canCustomise: boolean;
}

/**
 * Reports a planned write that did not happen: a dry run says what it would create (not a
 * failure), a user who may not customise Odoo fails with the fix.
 */
export function reportBlocked(
  step: SetupStep,
  area: CheckArea,
  id: string,
  message: string,
  fix: string,
): void {
  if (step.options.dryRun) step.log.pending(area, id, message, fix);
  else step.log.fail(area, id, message, fix);
}

/** Why a planned write did not happen: a dry run, or a user who may not customise Odoo. */
export function writeBlockedFix(step: SetupStep, settingsFix: string): string | null {
  if (step.options.dryRun) return 'Run tally setup without --dry-run to create it.';
  return step.canCustomise ? null : settingsFix;
}
