import type { z } from 'zod';
import { describeRedisUrl } from '../queue/connection';
import { enqueueJob } from '../queue/enqueue';
import type { SchedulableJob } from '../queue/names';
import { openQueues } from '../queue/open-queues';
import type { SCHEDULABLE_PAYLOADS } from '../queue/payloads';
import type { Output } from './output';

/**
 * `--enqueue` of `tally sync` and `tally close-period`: queues the run for `tally worker` and
 * prints its job id. Asking again while it is queued or running adds nothing and names that job.
 */
export async function enqueueFromCli<K extends SchedulableJob>(
  output: Output,
  kind: K,
  payload: z.input<(typeof SCHEDULABLE_PAYLOADS)[K]>,
  options: { readonly what: string; readonly json: boolean },
): Promise<void> {
  const open = await openQueues(process.env);
  try {
    const { jobId, added } = await enqueueJob(open.queues, kind, payload);
    if (options.json) {
      output.print(JSON.stringify({ job: kind, jobId, added }, null, 2));
      return;
    }
    const where = `${describeRedisUrl(open.queues.settings.redisUrl)} (prefix ${open.queues.prefix})`;
    output.print(
      added
        ? `Queued the ${options.what} as job ${jobId} on ${where}; a running "tally worker" takes it.`
        : `The ${options.what} is already queued or running as job ${jobId} on ${where}; nothing added.`,
    );
  } finally {
    await open.close();
  }
}
