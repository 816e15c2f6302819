import type { Command } from 'commander';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';
import type { StopRequests } from '../stop-requests';

/** `tally worker`: its flags; the worker itself runs in worker.action.ts. */
export function registerWorkerCommand(
  program: Command,
  output: Output,
  listenForStop: () => StopRequests,
  scrubber: SecretScrubber,
): void {
  program
    .command('worker')
    .description('Run queued jobs (sync, close-period, setup-check) and apply the schedules')
    .option('--dashboard', 'also serve Bull Board, /healthz and /metrics (authenticated)')
    .option('--dashboard-host <host>', 'dashboard address (default 127.0.0.1)')
    .option('--dashboard-port <port>', 'dashboard port; 0 picks a free one (default 8070)')
    .option('--concurrency <jobs>', 'sync jobs run at once by this process (default 2)')
    .option('--schedules <file>', 'schedules file to apply (default config/schedules.yaml)')
    .option('--no-schedules', 'apply no schedules file at start')
    .action(async (raw: unknown) => {
      const { workerAction } = await import('./worker.action.js');
      await workerAction(raw, output, listenForStop, scrubber);
    });
}
