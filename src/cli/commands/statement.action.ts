import { z } from 'zod';
import {
  loadAgreementsConfig,
  resolveAgreementsConfigPath,
  type LoadedAgreements,
} from '../../config/load-agreements';
import { loadConnection } from '../../config/load-connection';
import { period as toPeriod, periodBounds, type Period } from '../../domain';
import { OdooClient } from '../../odoo/client';
import type { OdooConnectionOptions } from '../../odoo/connection';
import { detectFieldProfile, fieldNamesVia } from '../../odoo/profiles/detect-profile';
import { periodStatements } from '../../report/statement/period-statements';
import type { Statement } from '../../report/statement/statement';
import { startSandbox } from '../../sandbox/server';
import type { SecretScrubber } from '../../shared/redact';
import { latestPeriodWithWork } from '../../sync/latest-period';
import { planForReport } from '../../sync/plan-for-report';
import { readPeriodConfigOf, type ReadPeriodConfig } from '../../sync/read-period';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';
import { writeStatements } from '../statement-files';

const StatementFlagsSchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
    .optional(),
  customer: z.coerce
    .number({ error: 'must be the Odoo id of a customer (a number)' })
    .int('must be the Odoo id of a customer (a number)')
    .positive('must be the Odoo id of a customer (a number)')
    .optional(),
  out: z.string().trim().min(1, 'must name a directory').default('statements'),
  sandbox: z.boolean().default(false),
});

type StatementFlags = z.infer<typeof StatementFlagsSchema>;

interface Target {
  readonly connection: OdooConnectionOptions;
  readonly label: string;
  /** The connection file's (or TALLY_CONFIG's) agreements file, when one is named. */
  readonly agreementsPath?: string;
  close(): Promise<void>;
}

async function openTarget(sandbox: boolean, scrubber: SecretScrubber): Promise<Target> {
  if (!sandbox) {
    const { odoo, agreementsPath } = loadConnection({ scrubber });
    return {
      connection: odoo,
      label: odoo.url,
      ...(agreementsPath === undefined ? {} : { agreementsPath }),
      close: async () => undefined,
    };
  }
  const started = await startSandbox({ port: 0, seed: 'demo-company' });
  return {
    connection: {
      url: started.url,
      db: started.db,
      login: started.login,
      apiKey: started.apiKey,
    },
    label: `the demo-company sandbox at ${started.url}`,
    close: () => started.close(),
  };
}

/** Reads and plans the period, then builds its statements; null when Odoo holds no work at all. */
async function buildStatements(
  client: OdooClient,
  agreements: LoadedAgreements,
  flags: StatementFlags,
): Promise<{ period: Period; statements: Statement[] } | null> {
  const profile = await detectFieldProfile(fieldNamesVia(client));
  const period =
    flags.period === undefined
      ? await latestPeriodWithWork(client, profile)
      : toPeriod(flags.period);
  if (period === null) return null;
  const config: ReadPeriodConfig = readPeriodConfigOf(agreements);
  const report = await planForReport(client, config, {
    period,
    // A dry run schedules nothing, so the day only fills the unused activity deadline.
    today: periodBounds(period).last,
    ...(flags.customer === undefined ? {} : { customerId: flags.customer }),
  });
  return {
    period,
    statements: periodStatements(
      report.facts,
      report.plan,
      config.settings,
      config.currencyDecimals,
    ),
  };
}

/**
 * `tally statement`: one self-contained HTML statement per customer for a period, built from the
 * same read and plan as the invoices, against your Odoo (connection settings) or `--sandbox`.
 */
export async function statementAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('statement', StatementFlagsSchema, raw);
  const target = await openTarget(flags.sandbox, scrubber);
  const client = new OdooClient({ connection: target.connection });
  try {
    const agreements = loadAgreementsConfig(
      resolveAgreementsConfigPath(process.env, process.cwd(), target.agreementsPath),
    );
    await client.connect();
    const built = await buildStatements(client, agreements, flags);
    if (built === null) {
      output.print(`No timesheets on tickets in ${target.label}: no statement to write.`);
      return;
    }
    if (built.statements.length === 0) {
      const who =
        flags.customer === undefined ? 'No customer has' : `Customer ${flags.customer} has no`;
      output.print(`${who} work, fees or prepaid hours in ${built.period}: no statement written.`);
      return;
    }
    const paths = await writeStatements(flags.out, built.statements);
    output.print(`Statements for ${built.period} from ${target.label}:`);
    for (const file of paths) output.print(file);
  } finally {
    await client.close();
    await target.close();
  }
}
