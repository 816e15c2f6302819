import { dedupIds } from '../src/queue/job-ids';
import { JOBS, QUEUES } from '../src/queue/names';
import { ClosePeriodPayloadSchema } from '../src/queue/payloads';
import { periodPlanJob } from './period-plan';

/** `close-period`: finalises a month's drafts, one `close-period-customer` per customer. */
export const closePeriodJob = periodPlanJob(
  { name: JOBS.closePeriod, queue: QUEUES.closePeriod, payloadSchema: ClosePeriodPayloadSchema },
  {
    summary: { name: JOBS.closePeriodSummary, queue: QUEUES.closePeriod },
    child: { name: JOBS.closePeriodCustomer, queue: QUEUES.closePeriod },
    dedupId: dedupIds.closePeriodCustomer,
    childData: () => ({}),
  },
);
