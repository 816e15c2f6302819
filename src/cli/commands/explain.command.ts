import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally explain`: its argument and flags; the explanation itself is in explain.action.ts. */
export function registerExplainCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('explain')
    .description(
      'Explain how a timesheet line or a ticket was billed: tier, category, coverage, problems, and the invoice line that carries it',
    )
    .argument('<subject>', 'a timesheet id (123), a ticket number (HT00028) or a ticket id (#42)')
    .option('--ticket', 'the subject is a ticket reference even if it is all digits (Enterprise)')
    .option('--period <YYYY-MM>', 'for a ticket: only this billing period')
    .option('--json', 'print the explanation as JSON (times in minutes, amounts in minor units)')
    .action(async (subject: unknown, raw: unknown) => {
      const { explainAction } = await import('./explain.action.js');
      await explainAction(subject, raw, output, scrubber);
    });
}
