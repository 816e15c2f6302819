import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';

/** `tally setup`: its flags; the checks themselves are in setup.action.ts. */
export function registerSetupCommand(
  program: Command,
  output: Output,
  scrubber: SecretScrubber,
): void {
  program
    .command('setup')
    .description(
      'Check Odoo for Tally, create its custom fields and views, and print what to fix (idempotent)',
    )
    .option(
      '--create-products',
      'create the hourly and prepaid-pack products and the agreement partner tags the config names',
    )
    .option('--dry-run', 'check and report what would be created, writing nothing to Odoo')
    .option('--json', 'print the report as JSON instead of a checklist')
    .action(async (raw: unknown) => {
      const { setupAction } = await import('./setup.action.js');
      await setupAction(raw, output, scrubber);
    });
}
