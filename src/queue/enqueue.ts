import type { Job } from 'bullmq';
import type { z } from 'zod';
import { dedupIds } from './job-ids';
import { SCHEDULABLE_JOBS, type SchedulableJob } from './names';
import { SCHEDULABLE_PAYLOADS } from './payloads';
import type { TallyQueues } from './tally-queues';

export interface Enqueued {
  readonly jobId: string;
  /** False when the same work was already queued or running (the existing job's id is returned). */
  readonly added: boolean;
}

/**
 * Queues one job of a schedulable kind now (`tally sync --enqueue`, `tally close-period`). A
 * fixed period is deduplicated: asking twice while the first is queued or running adds nothing.
 */
export async function enqueueJob<K extends SchedulableJob>(
  queues: TallyQueues,
  kind: K,
  payload: z.input<(typeof SCHEDULABLE_PAYLOADS)[K]>,
): Promise<Enqueued> {
  const data: Record<string, unknown> = SCHEDULABLE_PAYLOADS[kind].parse(payload);
  const period = typeof data.period === 'string' ? data.period : 'now';
  const dedupId = dedupIds.periodRun(kind, period);
  const queue = queues.queue(SCHEDULABLE_JOBS[kind]);
  // Only for the report: the deduplication itself is atomic inside BullMQ's add script.
  const before = await queue.getDeduplicationJobId(dedupId);
  const job: Job = await queue.add(kind, data, { deduplication: { id: dedupId } });
  const jobId = job.id ?? '';
  return { jobId, added: before !== jobId };
}
