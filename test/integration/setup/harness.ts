import path from 'node:path';
import type { AgreementsConfig } from '../../../src/config/agreements.schema';
import { loadAgreementsConfig } from '../../../src/config/load-agreements';
import { OdooClient } from '../../../src/odoo/client';
import { RoundTripCounter } from '../../../src/odoo/round-trips';
import type { Sandbox } from '../../../src/sandbox';
import { runSetup } from '../../../src/setup/run-setup';
import type { SetupOptions } from '../../../src/setup/setup-options';
import type { SetupCheck, SetupReport } from '../../../src/setup/setup-report';

/** The shipped default agreements config. */
export function shippedConfig(): AgreementsConfig {
  return loadAgreementsConfig(path.resolve(__dirname, '../../../config/agreements.default.yaml'))
    .config;
}

export interface SetupRun {
  readonly report: SetupReport;
  /** Round trips the client made, and writes the sandbox received, during this run. */
  readonly trips: number;
  readonly writes: number;
}

/** Runs setup against the sandbox as its admin (or the given API key) over the version's protocol. */
export async function setupOn(
  sandbox: Sandbox,
  options: {
    config?: AgreementsConfig;
    setup?: Partial<SetupOptions>;
    apiKey?: string;
    login?: string;
  } = {},
): Promise<SetupRun> {
  const roundTrips = new RoundTripCounter();
  const client = new OdooClient({
    connection: {
      url: sandbox.url,
      db: sandbox.db,
      login: options.login ?? sandbox.login,
      apiKey: options.apiKey ?? sandbox.apiKey,
    },
    roundTrips,
  });
  const writesBefore = sandbox.stats.writes;
  try {
    const report = await runSetup(client, {
      config: options.config ?? shippedConfig(),
      options: options.setup ?? {},
    });
    return { report, trips: roundTrips.total, writes: sandbox.stats.writes - writesBefore };
  } finally {
    await client.close();
  }
}

/** The check with this id; fails the test when it is absent. */
export function checkOf(report: SetupReport, id: string): SetupCheck {
  const found = report.checks.find((check) => check.id === id);
  if (found === undefined) {
    throw new Error(`no check ${id}; got ${report.checks.map((check) => check.id).join(', ')}`);
  }
  return found;
}

/** Failed checks as `id: message`, for readable assertions. */
export function failures(report: SetupReport): string[] {
  return report.checks
    .filter((check) => check.status === 'fail')
    .map((check) => `${check.id}: ${check.message}`);
}
