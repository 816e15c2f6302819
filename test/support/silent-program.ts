import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/build-program';
import { SecretScrubber } from '../../src/shared/redact';

/** The `tally` command tree with output discarded and no signal listening, for tests that parse. */
export function silentProgram(): Command {
  return buildProgram({
    output: { print: () => undefined, warn: () => undefined, isTerminal: false },
    version: '0.0.0',
    listenForStop: () => ({
      first: new Promise(() => undefined),
      again: new Promise(() => undefined),
      dispose: () => undefined,
    }),
    scrubber: new SecretScrubber(),
  });
}
