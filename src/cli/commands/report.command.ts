import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally report`: its flags; the report itself is in report.action.ts. */
export function registerReportCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('report')
    .description(
      'Per customer for a period: logged, covered, drawn and billed hours and amounts, pack balances, items held for review, the draft’s state',
    )
    .option('--period <YYYY-MM>', 'billing period (required)')
    .option('--format <format>', 'table, csv (RFC 4180) or json', 'table')
    .option('--customer <id>', 'only this customer (Odoo id of the commercial partner)')
    .action(async (raw: unknown) => {
      const { reportAction } = await import('./report.action.js');
      await reportAction(raw, output, scrubber);
    });
}
