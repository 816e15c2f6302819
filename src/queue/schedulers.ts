import { getNextMillis } from 'bullmq';
import { ScheduleNotFoundError } from './errors';
import { SCHEDULABLE_JOBS } from './names';
import { ScheduleSchema, type Schedule } from './schedules.schema';
import { defaultJobOptions, type TallyQueues } from './tally-queues';

/** A schedule as stored in Redis, with when it fires next. */
export interface ScheduleView extends Schedule {
  readonly queue: string;
  /** The next run as an ISO UTC instant, or null when the scheduler has none left. */
  readonly next: string | null;
}

export interface UpsertOptions {
  /** No run before this instant (ms since epoch); BullMQ's `startDate`. */
  readonly startDate?: number;
}

/**
 * Creates or replaces a schedule (idempotent: BullMQ's `upsertJobScheduler`). A schedule whose
 * job kind changed moves queues, so the same id is first removed from the others.
 */
export async function upsertSchedule(
  queues: TallyQueues,
  schedule: Schedule,
  options: UpsertOptions = {},
): Promise<ScheduleView> {
  const target = SCHEDULABLE_JOBS[schedule.job];
  for (const queue of queues.all())
    if (queue.name !== target) await queue.removeJobScheduler(schedule.id);
  await queues.queue(target).upsertJobScheduler(
    schedule.id,
    {
      pattern: schedule.cron,
      tz: schedule.tz,
      ...(options.startDate === undefined ? {} : { startDate: options.startDate }),
    },
    { name: schedule.job, data: schedule.payload, opts: defaultJobOptions(queues.settings) },
  );
  const view = await findSchedule(queues, schedule.id);
  if (view === null)
    throw new ScheduleNotFoundError(
      `Schedule ${schedule.id} vanished after it was saved; run the command again.`,
    );
  return view;
}

/** Every schedule on every queue, by id. */
export async function listSchedules(queues: TallyQueues): Promise<ScheduleView[]> {
  const views: ScheduleView[] = [];
  for (const queue of queues.all()) {
    for (const stored of await queue.getJobSchedulers()) {
      const parsed = ScheduleSchema.safeParse({
        id: stored.key,
        job: stored.name,
        cron: stored.pattern,
        tz: stored.tz ?? 'UTC',
        payload: stored.template?.data ?? {},
      });
      // A scheduler Tally did not write (or an "every" interval) is shown by the dashboard, not here.
      if (!parsed.success) continue;
      views.push({
        ...parsed.data,
        queue: queue.name,
        next: stored.next === undefined ? null : new Date(stored.next).toISOString(),
      });
    }
  }
  return views.sort((a, b) => a.id.localeCompare(b.id));
}

async function findSchedule(queues: TallyQueues, id: string): Promise<ScheduleView | null> {
  return (await listSchedules(queues)).find((view) => view.id === id) ?? null;
}

/** Removes a schedule; jobs it already queued stay. Throws when no queue has it. */
export async function removeSchedule(queues: TallyQueues, id: string): Promise<void> {
  const removed = await Promise.all(queues.all().map((queue) => queue.removeJobScheduler(id)));
  if (!removed.some(Boolean))
    throw new ScheduleNotFoundError(
      `There is no schedule "${id}"; "tally schedule list" shows the ids.`,
    );
}

/** Applies declared schedules (at worker start); schedules set only from the CLI are left alone. */
export async function applySchedules(
  queues: TallyQueues,
  schedules: readonly Schedule[],
): Promise<ScheduleView[]> {
  const views: ScheduleView[] = [];
  for (const schedule of schedules) views.push(await upsertSchedule(queues, schedule));
  return views;
}

/** The next `count` runs after `from` (ms), computed with BullMQ's own cron parser. */
export function upcomingRuns(
  schedule: Pick<Schedule, 'cron' | 'tz'>,
  from: number,
  count: number,
): number[] {
  const runs: number[] = [];
  let cursor = from;
  while (runs.length < count) {
    const next = getNextMillis(cursor, { pattern: schedule.cron, tz: schedule.tz });
    if (next === undefined) break;
    runs.push(next);
    cursor = next;
  }
  return runs;
}
