import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally sync`: its flags; the run itself is in sync.action.ts. */
export function registerSyncCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('sync')
    .description('Classify new and changed time and bring the draft invoices in Odoo up to date')
    .option('--period <YYYY-MM>', 'sync this billing period whole (no cursor, no Redis)')
    .option('--customer <id>', 'only this customer (commercial partner id)')
    .option('--dry-run', 'print the plan and the writes it would make, and write nothing')
    .option('--full', 'ignore the cursor: re-read the previous and the current period whole')
    .option('--json', 'print the summary as JSON')
    .option('--enqueue', 'queue the sync for "tally worker" (default period: the current one)')
    .option(
      '--allow-future',
      'with --period: sync a period that has not begun (bills its fees ahead)',
    )
    .action(async (raw: unknown) => {
      const { syncAction } = await import('./sync.action.js');
      await syncAction(raw, output, scrubber);
    });
}
