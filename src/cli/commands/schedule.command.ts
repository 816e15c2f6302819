import type { Command } from 'commander';
import { SCHEDULABLE_JOB_NAMES } from '../../queue/names';
import type { Output } from '../output';

/**
 * `tally schedule list|set|remove|apply`: recurring jobs as BullMQ job schedulers in Redis. The
 * flags are here; what each subcommand does is in schedule.action.ts.
 */
export function registerScheduleCommand(program: Command, output: Output): void {
  const schedule = program
    .command('schedule')
    .description('List, set or remove the schedules of recurring jobs (cron in an IANA time zone)');

  schedule
    .command('list')
    .description('List the schedules stored in Redis with their next run')
    .option('--json', 'print the schedules as JSON')
    .action(async (raw: unknown) => {
      const { scheduleListAction } = await import('./schedule.action.js');
      await scheduleListAction(raw, output);
    });

  schedule
    .command('set <id>')
    .description('Create or replace a schedule (its id stays stable)')
    .requiredOption('--job <kind>', `job to start: ${SCHEDULABLE_JOB_NAMES.join(', ')}`)
    .requiredOption('--cron <pattern>', 'cron pattern: minute hour day-of-month month day-of-week')
    .option('--tz <zone>', 'IANA time zone the pattern is read in', 'UTC')
    .option('--period <ref>', 'current, previous or YYYY-MM (sync and close-period)')
    .option('--full', 'sync only: re-read everything, ignoring bookmarks')
    .option('--json', 'print the stored schedule as JSON')
    .action(async (id: string, raw: Record<string, unknown>) => {
      const { scheduleSetAction } = await import('./schedule.action.js');
      await scheduleSetAction(id, raw, output);
    });

  schedule
    .command('remove <id>')
    .description('Remove a schedule (jobs it already queued stay)')
    .action(async (id: string) => {
      const { scheduleRemoveAction } = await import('./schedule.action.js');
      await scheduleRemoveAction(id, output);
    });

  schedule
    .command('apply')
    .description(
      'Apply the schedules file (TALLY_SCHEDULES or config/schedules.yaml), as the worker does',
    )
    .option('--file <path>', 'schedules file to apply')
    .option('--json', 'print the applied schedules as JSON')
    .action(async (raw: unknown) => {
      const { scheduleApplyAction } = await import('./schedule.action.js');
      await scheduleApplyAction(raw, output);
    });
  for (const command of schedule.commands) command.exitOverride();
}
