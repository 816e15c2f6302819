import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally demo`: its flags; the story itself is in demo.action.ts. */
export function registerDemoCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('demo')
    .description(
      'Run setup, sync and close-period on an embedded Odoo sandbox with a demo company (no Odoo or Redis needed)',
    )
    .option('--odoo-version <version>', 'Odoo version to emulate: 16, 17, 18 or 19', '17')
    .option('--out <dir>', 'directory for the statements', 'statements')
    .option(
      '--odoo',
      'load the demo company into the Odoo the ODOO_* settings name (a new, disposable database) and run the story there',
    )
    .option(
      '--force',
      'with --odoo: load even into a database that already holds customers or invoices',
    )
    .action(async (raw: unknown) => {
      const { demoAction } = await import('./demo.action.js');
      await demoAction(raw, output, scrubber);
    });
}
