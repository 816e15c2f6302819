import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally status`: its flags; the status itself is in status.action.ts. */
export function registerStatusCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('status')
    .description(
      'Show queue counts, schedules, the last run and cursor of each customer, and recent failures',
    )
    .option('--json', 'print the status as JSON')
    .option('--failures <count>', 'how many recent failures to show', '10')
    .action(async (raw: unknown) => {
      const { statusAction } = await import('./status.action.js');
      await statusAction(raw, output, scrubber);
    });
}
