import { z } from 'zod';
import { SetupIncompleteError } from '../../setup/errors';
import { renderChecklist } from '../../setup/render-checklist';
import { runSetup } from '../../setup/run-setup';
import type { SecretScrubber } from '../../shared/redact';
import { openOdooCommand } from '../command-context';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const SetupFlagsSchema = z.object({
  createProducts: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
});

/**
 * `tally setup`: checks the configured Odoo for Tally (connection, version, modules, access rights,
 * the agreements config's products and tags), creates Tally's custom fields and views, and prints
 * a checklist. Exit status 0 when ready, 1 when something must be fixed, 2 for bad flags or config.
 */
export async function setupAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('setup', SetupFlagsSchema, raw);
  const { agreements, client } = openOdooCommand(output, scrubber);
  try {
    const report = await runSetup(client, {
      config: agreements.config,
      options: { createProducts: flags.createProducts, dryRun: flags.dryRun },
    });
    const lines = flags.json
      ? [JSON.stringify(report, null, 2)]
      : [
          `Agreements config: ${agreements.file}`,
          ...renderChecklist(report, {
            dryRun: flags.dryRun,
            createProducts: flags.createProducts,
          }),
        ];
    for (const line of lines) output.print(scrubber.scrub(line));
    const failures = report.checks.filter((check) => check.status === 'fail').length;
    if (failures > 0) throw new SetupIncompleteError(failures);
  } finally {
    await client.close();
  }
}
