import { defineJob } from '../src/queue/job-definition';
import { SetupCheckSummarySchema } from '../src/queue/job-handlers';
import { JOBS, QUEUES } from '../src/queue/names';
import { SetupCheckPayloadSchema } from '../src/queue/payloads';

/** `setup-check`: checks Odoo and the config are ready; the summary lists what to fix. */
export const setupCheckJob = defineJob({
  name: JOBS.setupCheck,
  queue: QUEUES.setupCheck,
  payloadSchema: SetupCheckPayloadSchema,
  resultSchema: SetupCheckSummarySchema,
  process: (_payload, { handlers, context }) => handlers.setupCheck(context),
});
