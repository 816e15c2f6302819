import { z } from 'zod';
import { defineJob } from '../src/queue/job-definition';
import { LineChangesSchema } from '../src/queue/job-handlers';
import { JOBS, QUEUES, type JobName, type QueueName } from '../src/queue/names';
import { PeriodSummaryPayloadSchema } from '../src/queue/payloads';

// What the summary reads of each child's result; both customer summaries have these fields.
const ChildFactsSchema = z.object({
  lines: LineChangesSchema,
  problems: z.number().int().nonnegative(),
});

const PeriodSummarySchema = z.object({
  period: z.string(),
  customers: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Customers whose job was already queued or running, so this run did not add one. */
  skipped: z.number().int().nonnegative(),
  lines: LineChangesSchema,
  problems: z.number().int().nonnegative(),
});

/** A flow parent: runs when every customer of the period is done and sums their summaries. */
function periodSummaryJob(name: JobName, queue: QueueName) {
  return defineJob({
    name,
    queue,
    payloadSchema: PeriodSummaryPayloadSchema,
    resultSchema: PeriodSummarySchema,
    async process(payload, services) {
      const children = await services.childrenResults();
      const lines = { created: 0, updated: 0, removed: 0 };
      let problems = 0;
      for (const value of children.values) {
        const facts = ChildFactsSchema.parse(value);
        lines.created += facts.lines.created;
        lines.updated += facts.lines.updated;
        lines.removed += facts.lines.removed;
        problems += facts.problems;
      }
      const completed = children.values.length;
      return {
        period: payload.period,
        customers: payload.customers,
        completed,
        failed: children.failed,
        skipped: Math.max(0, payload.customers - completed - children.failed),
        lines,
        problems,
      };
    },
  });
}

export const syncSummaryJob = periodSummaryJob(JOBS.syncSummary, QUEUES.sync);
export const closePeriodSummaryJob = periodSummaryJob(JOBS.closePeriodSummary, QUEUES.closePeriod);
