import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally close-period`: its flags; the close itself is in close-period.action.ts. */
export function registerClosePeriodCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('close-period')
    .description(
      "Finalise a month's drafts: a last sync, the invoice date, one review activity for finance",
    )
    .option('--period <YYYY-MM>', 'billing period to close (required)')
    .option('--customer <id>', 'only this customer (Odoo id of the commercial partner)')
    .option('--enqueue', 'queue the close for "tally worker" instead of running it here')
    .option('--force', 'close a month that is not over yet (finance will be asked to post it)')
    .option('--json', 'print the result as JSON')
    .action(async (raw: unknown) => {
      const { closePeriodAction } = await import('./close-period.action.js');
      await closePeriodAction(raw, output, scrubber);
    });
}
