/** Messages between the bench (which hosts the sandbox) and the sync worker it measures. */
import { z } from 'zod';

export const StrategySchema = z.enum(['batched', 'naive']);
export type Strategy = z.infer<typeof StrategySchema>;

export const WorkerJobSchema = z.object({
  url: z.string().url(),
  db: z.string().min(1),
  login: z.string().min(1),
  password: z.string().min(1),
  strategy: StrategySchema,
  /** The agreements config to plan with (the bench uses the shipped default). */
  configFile: z.string().min(1),
  /** Periods to sync, oldest first. */
  periods: z.array(z.string().regex(/^\d{4}-\d{2}$/)).min(1),
  /** The company's today (activity deadlines). */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type WorkerJob = z.infer<typeof WorkerJobSchema>;

const count = z.number().int().nonnegative();

export const PassResultSchema = z.object({
  seconds: z.number().nonnegative(),
  readTrips: count,
  writeTrips: count,
  /** Round trips per `model.method`. */
  byCall: z.record(z.string(), count),
  /** Timesheet rows the period reads returned (lines of a ticket's earlier months count again). */
  timesheetRowsRead: count,
  /** Invoice lines created or updated. */
  invoiceLinesWritten: count,
  /** Records changed by group writes (timesheet marks, pack deliveries, review notes). */
  recordsWritten: count,
  /** Peak resident set of the worker so far, in bytes (process.resourceUsage().maxRSS). */
  peakRssBytes: count,
});
export type PassResult = z.infer<typeof PassResultSchema>;

export const WorkerResultSchema = z.object({
  full: PassResultSchema,
  rerun: PassResultSchema,
});
export type WorkerResult = z.infer<typeof WorkerResultSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: WorkerResultSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;
