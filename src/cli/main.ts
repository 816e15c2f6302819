#!/usr/bin/env node
import { favourMemoryOverSpeed } from '../shared/memory-mode';
import { SecretScrubber } from '../shared/redact';
import { buildProgram } from './build-program';
import { handleCliError } from './handle-error';
import { processOutput } from './output';
import { listenForStop } from './stop-requests';

favourMemoryOverSpeed();

const VERSION = '0.1.0';

async function main(argv: readonly string[]): Promise<number> {
  const scrubber = new SecretScrubber();
  const program = buildProgram({
    output: processOutput,
    version: VERSION,
    listenForStop: () => listenForStop(),
    scrubber,
  });
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return handleCliError(error, processOutput, scrubber);
  }
}

// `tally report | head`: the reader left; stop quietly like any Unix tool instead of crashing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.on('uncaughtException', (error) => {
  process.stderr.write(`tally: unexpected failure: ${error.message}\n`);
  process.exit(1);
});

void main(process.argv).then((code) => {
  process.exitCode = code;
});
