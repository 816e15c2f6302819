import { CommanderError } from 'commander';
import { isTallyError } from '../shared/errors';
import type { SecretScrubber } from '../shared/redact';
import { EXIT, type ExitCode } from './exit-codes';
import type { Output } from './output';

/** Codes that mean "fix your input or config", so scripts see exit status 2 rather than 1. */
const USAGE_CODES = new Set(['CONFIG_INVALID', 'CLI_USAGE', 'DEMO_DATABASE_IN_USE']);

/** Turns any failure into one clear sentence on stderr and the exit code scripts rely on. */
export function handleCliError(error: unknown, output: Output, scrubber: SecretScrubber): ExitCode {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isTallyError(error)) {
    output.warn(`tally: ${scrubber.scrub(error.userMessage)}`);
    return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.warn(`tally: unexpected failure: ${scrubber.scrub(message)}`);
  return EXIT.failure;
}
