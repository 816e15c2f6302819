import type { AgreementsConfig } from '../config/agreements.schema';
import type { OdooClient } from '../odoo/client';
import type { InstalledModules } from './check-modules';
import type { SetupOptions } from './setup-options';
import type { SetupLog } from './setup-report';

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

/** Why a planned write did not happen: a dry run, or a user who may not customise Odoo. */
export function writeBlockedFix(step: SetupStep, settingsFix: string): string | null {
  if (step.options.dryRun) return 'Run tally setup without --dry-run to create it.';
  return step.canCustomise ? null : settingsFix;
}
