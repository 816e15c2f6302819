import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally statement`: its flags; the statements themselves are in statement.action.ts. */
export function registerStatementCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('statement')
    .description(
      'Write each customer’s statement for a period as a self-contained HTML page (printable to PDF)',
    )
    .option('--period <YYYY-MM>', 'billing period (default: the newest period with work)')
    .option('--customer <id>', 'only this customer (Odoo id of the commercial partner)')
    .option('--out <dir>', 'directory to write <period>/<customer>-<id>.html into', 'statements')
    .option('--sandbox', 'run against an embedded sandbox with the demo company instead of Odoo')
    .action(async (raw: unknown) => {
      const { statementAction } = await import('./statement.action.js');
      await statementAction(raw, output, scrubber);
    });
}
