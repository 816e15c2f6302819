import { defineJob } from '../src/queue/job-definition';
import { SyncCustomerSummarySchema } from '../src/queue/job-handlers';
import { JOBS, QUEUES } from '../src/queue/names';
import { SyncCustomerPayloadSchema } from '../src/queue/payloads';

/** `sync-customer`: syncs one customer's period under that customer's lock. */
export const syncCustomerJob = defineJob({
  name: JOBS.syncCustomer,
  queue: QUEUES.sync,
  payloadSchema: SyncCustomerPayloadSchema,
  resultSchema: SyncCustomerSummarySchema,
  customerScope: ({ customerId, period }) => ({ customerId, period }),
  process: (payload, { handlers, context }) => handlers.syncCustomer(payload, context),
});
