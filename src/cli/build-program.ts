import { Command } from 'commander';
import { CONNECTION_FILE_ENV } from '../config/connection-file-env';
import { registerClosePeriodCommand } from './commands/close-period.command';
import { registerDemoCommand } from './commands/demo.command';
import { registerExplainCommand } from './commands/explain.command';
import { registerReportCommand } from './commands/report.command';
import { registerSandboxCommand } from './commands/sandbox.command';
import { registerScheduleCommand } from './commands/schedule.command';
import { registerSetupCommand } from './commands/setup.command';
import { registerStatementCommand } from './commands/statement.command';
import { registerStatusCommand } from './commands/status.command';
import { registerSyncCommand } from './commands/sync.command';
import { registerWorkerCommand } from './commands/worker.command';
import type { SecretScrubber } from '../shared/redact';
import type { Output } from './output';
import type { StopRequests } from './stop-requests';

export interface ProgramDeps {
  readonly output: Output;
  readonly version: string;
  /** Starts listening for SIGINT/SIGTERM, the user's requests to stop a long-running command. */
  readonly listenForStop: () => StopRequests;
  /** Secrets read from the connection settings are registered here, so no error prints them. */
  readonly scrubber: SecretScrubber;
}

/** The `tally` command tree; the only place commands are registered. */
export function buildProgram(deps: ProgramDeps): Command {
  const program = new Command('tally')
    .description(
      'Classifies support time logged in Odoo against customer agreements and writes draft invoices back.',
    )
    .version(deps.version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.output.print(text.trimEnd()),
      writeErr: (text) => deps.output.warn(text.trimEnd()),
    })
    .showHelpAfterError()
    .option(
      '--connection <file>',
      'connection settings file (YAML, as config/connection.example.yaml); the environment wins over it (default: TALLY_CONNECTION)',
    )
    .hook('preAction', (self) => {
      // Every command reads its settings through the environment; the flag names the file there.
      const { connection } = self.opts<{ connection?: string }>();
      if (connection !== undefined) process.env[CONNECTION_FILE_ENV] = connection;
    });
  // A command module declares only its flags; its action imports the implementation when it runs,
  // so `tally --help` or a mistyped flag loads no Odoo, Redis or dashboard code.
  registerDemoCommand(program, deps.output, deps.scrubber);
  registerExplainCommand(program, deps.output, deps.scrubber);
  registerReportCommand(program, deps.output, deps.scrubber);
  registerSandboxCommand(program, deps.output, deps.listenForStop);
  registerSetupCommand(program, deps.output, deps.scrubber);
  registerStatementCommand(program, deps.output, deps.scrubber);
  registerSyncCommand(program, deps.output, deps.scrubber);
  registerClosePeriodCommand(program, deps.output, deps.scrubber);
  registerScheduleCommand(program, deps.output);
  registerStatusCommand(program, deps.output, deps.scrubber);
  registerWorkerCommand(program, deps.output, deps.listenForStop, deps.scrubber);
  for (const command of program.commands) command.exitOverride();
  return program;
}
