import { LastRunStore, type LastRun } from '../last-runs';
import { JOB_STATES } from '../metrics';
import { listSchedules, type ScheduleView } from '../schedulers';
import type { TallyQueues } from '../tally-queues';

export interface QueueCounts {
  readonly queue: string;
  readonly counts: Readonly<Record<(typeof JOB_STATES)[number], number>>;
}

export interface RecentFailure {
  readonly queue: string;
  readonly job: string;
  readonly jobId: string;
  readonly failedAt: string | null;
  readonly attempts: number;
  readonly reason: string;
  readonly customerId: number | null;
  readonly period: string | null;
}

/** What `tally status` shows (and prints as JSON with `--json`). */
export interface StatusReport {
  readonly prefix: string;
  readonly queues: readonly QueueCounts[];
  readonly schedules: readonly ScheduleView[];
  /** Last run per customer, with the summary (lines, minutes, cursor) of a completed one. */
  readonly customers: readonly LastRun[];
  readonly failures: readonly RecentFailure[];
}

function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : null;
}

/** Reads queue counts, schedules, last runs and the newest failures from Redis. */
export async function collectStatus(
  queues: TallyQueues,
  failureLimit: number,
): Promise<StatusReport> {
  const counts = await Promise.all(
    queues.all().map(async (queue) => {
      const raw = await queue.getJobCounts(...JOB_STATES);
      const byState = Object.fromEntries(JOB_STATES.map((state) => [state, raw[state] ?? 0]));
      return { queue: queue.name, counts: byState as QueueCounts['counts'] };
    }),
  );
  const failed = (
    await Promise.all(
      queues.all().map((queue) => queue.getFailed(0, Math.max(0, failureLimit - 1))),
    )
  ).flat();
  const failures = failed
    .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))
    .slice(0, failureLimit)
    .map((job): RecentFailure => {
      const customerId = field(job.data, 'customerId');
      const period = field(job.data, 'period');
      return {
        queue: job.queueName,
        job: job.name,
        jobId: job.id ?? '',
        failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
        attempts: job.attemptsMade,
        reason: job.failedReason,
        customerId: typeof customerId === 'number' ? customerId : null,
        period: typeof period === 'string' ? period : null,
      };
    });
  return {
    prefix: queues.prefix,
    queues: counts,
    schedules: await listSchedules(queues),
    customers: await new LastRunStore(queues.redis, queues.prefix).list(),
    failures,
  };
}
