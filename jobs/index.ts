import type { AnyJobDefinition } from '../src/queue/job-definition';
import { closePeriodCustomerJob } from './close-period-customer.job';
import { closePeriodJob } from './close-period.job';
import { closePeriodSummaryJob, syncSummaryJob } from './period-summary.job';
import { setupCheckJob } from './setup-check.job';
import { syncCustomerJob } from './sync-customer.job';
import { syncJob } from './sync.job';

/** Every job kind a Tally worker runs. */
export const ALL_JOBS: readonly AnyJobDefinition[] = [
  syncJob,
  syncSummaryJob,
  syncCustomerJob,
  closePeriodJob,
  closePeriodSummaryJob,
  closePeriodCustomerJob,
  setupCheckJob,
];
