import { dedupIds } from '../src/queue/job-ids';
import { JOBS, QUEUES } from '../src/queue/names';
import { SyncPayloadSchema } from '../src/queue/payloads';
import { periodPlanJob } from './period-plan';

/** `sync`: plans a period's sync and fans out one `sync-customer` per customer. */
export const syncJob = periodPlanJob(
  { name: JOBS.sync, queue: QUEUES.sync, payloadSchema: SyncPayloadSchema },
  {
    summary: { name: JOBS.syncSummary, queue: QUEUES.sync },
    child: { name: JOBS.syncCustomer, queue: QUEUES.sync },
    dedupId: dedupIds.syncCustomer,
    childData: (payload) => ({ full: payload.full }),
  },
);
