import { defineJob } from '../src/queue/job-definition';
import { ClosePeriodSummarySchema } from '../src/queue/job-handlers';
import { JOBS, QUEUES } from '../src/queue/names';
import { ClosePeriodCustomerPayloadSchema } from '../src/queue/payloads';

/** `close-period-customer`: finalises one customer's draft under that customer's lock. */
export const closePeriodCustomerJob = defineJob({
  name: JOBS.closePeriodCustomer,
  queue: QUEUES.closePeriod,
  payloadSchema: ClosePeriodCustomerPayloadSchema,
  resultSchema: ClosePeriodSummarySchema,
  customerScope: ({ customerId, period }) => ({ customerId, period }),
  process: (payload, { handlers, context }) => handlers.closePeriod(payload, context),
});
