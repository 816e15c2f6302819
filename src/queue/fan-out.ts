import type { FlowJob, FlowJobNode } from 'bullmq';
import { claimInFlight } from './in-flight';
import type { FanOut, FanOutChild } from './job-definition';
import { defaultJobOptions, type TallyQueues } from './tally-queues';

/**
 * Adds a flow: the parent waits in `waiting-children` until every child finished. A child whose
 * dedup id is already queued or running is left out (see `claimInFlight`), so a customer and
 * period run once at a time; the parent counts those as skipped. Children that fail for good are
 * set aside (`ignoreDependencyOnFailure`) so the parent still runs and counts them.
 * Returns how many children were added.
 */
export async function addFanOut(queues: TallyQueues, flow: FanOut): Promise<number> {
  const options = defaultJobOptions(queues.settings);
  const byQueue = new Map<string, FanOutChild[]>();
  for (const child of flow.children)
    byQueue.set(child.queue, [...(byQueue.get(child.queue) ?? []), child]);
  const children: FlowJobNode[] = [];
  for (const [queue, members] of byQueue) {
    const claimed = await claimInFlight(
      queues.redis,
      queues.prefix,
      queue,
      members.map((child) => ({ item: child, dedupId: child.dedupId })),
    );
    for (const { item, jobId } of claimed) {
      children.push({
        name: item.name,
        queueName: item.queue,
        data: item.data,
        opts: { ...options, jobId, ignoreDependencyOnFailure: true },
      });
    }
  }
  const root: FlowJob = {
    name: flow.parent.name,
    queueName: flow.parent.queue,
    data: flow.parent.data,
    opts: options,
    children,
  };
  await queues.flows.add(root);
  return children.length;
}
