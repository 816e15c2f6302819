/**
 * Job payloads: the queue's contract with `jobs/` and with whoever enqueues (schedules, the CLI).
 * BullMQ stores them in clear text, so they never hold secrets (style.md rule 7).
 */
import { z } from 'zod';
import { CustomerIdSchema, PeriodRefSchema, PeriodSchema } from './job-handlers';
import type { SchedulableJob } from './names';

export const SyncPayloadSchema = z.object({
  period: PeriodRefSchema.default('current').describe('Period to sync. Default the current one.'),
  full: z
    .boolean()
    .default(false)
    .describe('Re-read everything, ignoring bookmarks. Default false.'),
});
export type SyncPayload = z.infer<typeof SyncPayloadSchema>;

export const ClosePeriodPayloadSchema = z.object({
  period: PeriodRefSchema.default('previous').describe(
    'Period to close. Default the previous one.',
  ),
});

export const SetupCheckPayloadSchema = z.object({}).strict();

/** Payload schema of each kind a schedule or command may start. */
export const SCHEDULABLE_PAYLOADS = {
  sync: SyncPayloadSchema,
  'close-period': ClosePeriodPayloadSchema,
  'setup-check': SetupCheckPayloadSchema,
} as const satisfies Record<SchedulableJob, z.ZodType>;

export const SyncCustomerPayloadSchema = z.object({
  period: PeriodSchema,
  customerId: CustomerIdSchema,
  full: z.boolean(),
});

export const ClosePeriodCustomerPayloadSchema = z.object({
  period: PeriodSchema,
  customerId: CustomerIdSchema,
});

/** The flow parent of a fan-out: which period, and how many customers were planned. */
export const PeriodSummaryPayloadSchema = z.object({
  period: PeriodSchema,
  customers: z.number().int().nonnegative(),
});
