import type { Command } from 'commander';
import { z } from 'zod';
import { loadAgreementsConfig, resolveAgreementsConfigPath } from '../../config/load-agreements';
import { period as toPeriod } from '../../domain';
import { OdooClient } from '../../odoo/client';
import { detectFieldProfile, fieldNamesVia } from '../../odoo/profiles/detect-profile';
import { RoundTripCounter } from '../../odoo/round-trips';
import { startSandbox } from '../../sandbox/server';
import { formatPeriodPlan } from '../../sync/format-plan';
import { latestPeriodWithWork } from '../../sync/latest-period';
import { planPeriod } from '../../sync/plan-period';
import { readPeriod } from '../../sync/read-period';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const DemoFlagsSchema = z.object({
  odooVersion: z.coerce
    .number()
    .int()
    .refine((v): v is 16 | 17 | 18 | 19 => [16, 17, 18, 19].includes(v), 'must be 16, 17, 18 or 19')
    .default(17),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
    .optional(),
});

/**
 * `tally demo`: Tally on the embedded sandbox with demo data, no Odoo and no Redis needed. It reads
 * a billing period, classifies every hour and prints each customer's planned draft (a dry run:
 * writing the drafts back arrives with the sync issue).
 */
export function registerDemoCommand(program: Command, output: Output): void {
  program
    .command('demo')
    .description(
      'Run Tally against the embedded Odoo sandbox with demo data (no Odoo or Redis needed)',
    )
    .option('--odoo-version <version>', 'Odoo version to emulate: 16, 17, 18 or 19', '17')
    .option('--period <YYYY-MM>', 'billing period to plan (default: the newest period with work)')
    .action(async (raw: unknown) => {
      const flags = parseOptions('demo', DemoFlagsSchema, raw);
      const agreements = loadAgreementsConfig(
        resolveAgreementsConfigPath(process.env, process.cwd()),
      );
      const sandbox = await startSandbox({ port: 0, seed: 'demo', odooVersion: flags.odooVersion });
      const roundTrips = new RoundTripCounter();
      const client = new OdooClient({
        connection: {
          url: sandbox.url,
          db: sandbox.db,
          login: sandbox.login,
          apiKey: sandbox.apiKey,
        },
        roundTrips,
      });
      try {
        const session = await client.connect();
        output.print(`Agreements config: ${agreements.file}`);
        output.print(
          `Connected to the Odoo ${session.version.label} sandbox at ${sandbox.url} over ${session.transportKind}.`,
        );
        const profile = await detectFieldProfile(fieldNamesVia(client));
        const period =
          flags.period === undefined
            ? await latestPeriodWithWork(client, profile)
            : toPeriod(flags.period);
        if (period === null) {
          output.print('The sandbox holds no timesheets on tickets: nothing to plan.');
          return;
        }
        const decimals = agreements.config.currencyDecimals;
        const facts = await readPeriod(
          client,
          {
            settings: agreements.settings,
            sources: agreements.sources,
            currencyDecimals: decimals,
          },
          { period, profile },
        );
        output.print('');
        for (const line of formatPeriodPlan(planPeriod(facts, agreements.settings), decimals))
          output.print(line);
        output.print('');
        output.print(`Dry run: nothing was written. Round trips to Odoo: ${roundTrips.total}.`);
      } finally {
        await client.close();
        await sandbox.close();
      }
    });
}
