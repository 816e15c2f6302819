import type { Connection } from '../config/connection.schema';
import {
  loadAgreementsConfig,
  resolveAgreementsConfigPath,
  type LoadedAgreements,
} from '../config/load-agreements';
import { loadConnection } from '../config/load-connection';
import { OdooClient } from '../odoo/client';
import type { Logger } from '../shared/logger';
import type { SecretScrubber } from '../shared/redact';
import { readPeriodConfigOf, type ReadPeriodConfig } from '../sync/read-period';
import { cliLogger } from './cli-logger';
import type { Output } from './output';

/** What a command that talks to your Odoo starts from, all validated before any call. */
export interface OdooCommandContext {
  readonly agreements: LoadedAgreements;
  /** The agreements config as the sync takes it. */
  readonly config: ReadPeriodConfig;
  readonly logger: Logger;
  readonly connection: Connection;
  /** Not connected yet; the command connects and must close it. */
  readonly client: OdooClient;
}

/**
 * Loads the agreements config, the logger and the connection settings (secrets registered with
 * the run's scrubber, so no error or log line can print them), and builds the Odoo client.
 */
export function openOdooCommand(output: Output, scrubber: SecretScrubber): OdooCommandContext {
  const logger = cliLogger(process.env, output, scrubber);
  const connection = loadConnection({ env: process.env, scrubber, logger });
  const agreements = loadAgreementsConfig(
    resolveAgreementsConfigPath(process.env, process.cwd(), connection.agreementsPath),
  );
  return {
    agreements,
    config: readPeriodConfigOf(agreements),
    logger,
    connection,
    client: new OdooClient({ connection: connection.odoo, logger }),
  };
}
