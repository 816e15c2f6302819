import type { Command } from 'commander';
import { z } from 'zod';
import { loadAgreementsConfig, resolveAgreementsConfigPath } from '../../config/load-agreements';
import { OdooClient } from '../../odoo/client';
import { ALL, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { RoundTripCounter } from '../../odoo/round-trips';
import { startSandbox } from '../../sandbox/server';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const DemoFlagsSchema = z.object({
  odooVersion: z.coerce
    .number()
    .int()
    .refine((v): v is 16 | 17 | 18 | 19 => [16, 17, 18, 19].includes(v), 'must be 16, 17, 18 or 19')
    .default(17),
});

/**
 * `tally demo`: the whole product on the embedded sandbox, with no Odoo and no Redis needed.
 * Until the sync pipeline lands it is a smoke run: config, connection, protocol and reads.
 */
export function registerDemoCommand(program: Command, output: Output): void {
  program
    .command('demo')
    .description(
      'Run Tally against the embedded Odoo sandbox with demo data (no Odoo or Redis needed)',
    )
    .option('--odoo-version <version>', 'Odoo version to emulate: 16, 17, 18 or 19', '17')
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
          `Connected to the Odoo ${session.version.label} sandbox at ${sandbox.url} over ${session.transportKind} as uid ${session.uid}.`,
        );
        const counts: [string, string][] = [
          ['customers (companies)', MODELS.partner],
          ['helpdesk tickets', MODELS.helpdeskTicket],
          ['timesheet lines', MODELS.analyticLine],
          ['products', MODELS.product],
        ];
        for (const [label, model] of counts) {
          const filter = model === MODELS.partner ? where('is_company', '=', true) : ALL;
          output.print(`  ${label}: ${await client.model(model).searchCount(filter)}`);
        }
        output.print(`Round trips to Odoo: ${roundTrips.total}.`);
      } finally {
        await client.close();
        await sandbox.close();
      }
    });
}
