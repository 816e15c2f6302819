/**
 * What the queue asks of the sync pipeline. The queue knows nothing of Odoo or the rules engine
 * (style.md, module boundaries): jobs call these handlers, and the worker command builds them with
 * `createTallyHandlers` from `src/sync/job-handlers.ts`. Summaries cross Redis as JSON, so each one
 * is parsed with its schema when a handler returns it.
 */
import { z } from 'zod';

/** A billing period, `YYYY-MM`. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a billing period YYYY-MM');
export type Period = z.infer<typeof PeriodSchema>;

/** A period named relative to when a job runs (schedules), or a fixed one. */
export const PeriodRefSchema = z.union([z.enum(['current', 'previous']), PeriodSchema]);
export type PeriodRef = z.infer<typeof PeriodRefSchema>;

export const CustomerIdSchema = z.number().int().positive();

const count = z.number().int().nonnegative();

/** Invoice lines a run changed in Odoo. */
export const LineChangesSchema = z.object({ created: count, updated: count, removed: count });
export type LineChanges = z.infer<typeof LineChangesSchema>;

/** Minutes of the period's work by coverage (what `/metrics` reports as hours). */
export const MinutesByCoverageSchema = z.object({
  covered: count,
  billable: count,
  review: count,
});
export type MinutesByCoverage = z.infer<typeof MinutesByCoverageSchema>;

/** The bookmark a run left behind (`src/sync/cursor-store.ts` shape). */
export const CursorViewSchema = z.object({
  writeDate: z.string(),
  id: z.number().int().nonnegative(),
});

export const SyncCustomerSummarySchema = z.object({
  customerId: CustomerIdSchema,
  period: PeriodSchema,
  lines: LineChangesSchema,
  minutesByCoverage: MinutesByCoverageSchema,
  /** Review problems found (work held back from billing). */
  problems: count,
  cursor: CursorViewSchema.nullable(),
});
export type SyncCustomerSummary = z.infer<typeof SyncCustomerSummarySchema>;

export const ClosePeriodSummarySchema = z.object({
  customerId: CustomerIdSchema,
  period: PeriodSchema,
  lines: LineChangesSchema,
  /** The draft invoice finalised, or null when the customer had nothing to invoice. */
  invoiceId: z.number().int().positive().nullable(),
  /** Review activities created for finance. */
  reviewActivities: count,
  problems: count,
});
export type ClosePeriodSummary = z.infer<typeof ClosePeriodSummarySchema>;

export const SetupCheckSummarySchema = z.object({
  ready: z.boolean(),
  /** One sentence per check that failed, naming what to fix. */
  failing: z.array(z.string()),
});
export type SetupCheckSummary = z.infer<typeof SetupCheckSummarySchema>;

/** Given to every handler call; plain data never carries these. */
export interface JobContext {
  /** Aborted when the customer lock is lost or the worker stops without waiting: stop writing. */
  readonly signal: AbortSignal;
  /** Shown on the dashboard and the TTY progress line. */
  reportProgress(done: number, total: number): Promise<void>;
}

/**
 * The sync pipeline as the jobs see it. Errors are `TallyError`s: `retryable` ones are retried
 * with backoff, the others fail the job at once with their user message.
 */
export interface TallyJobHandlers {
  /** The billing period that contains `asOf` (ISO instant), or the one before, in the company's time zone. */
  resolvePeriod(input: { relative: 'current' | 'previous'; asOf: string }): Promise<Period>;
  /** Customers (commercial partner ids) a sync or close of `period` must visit. */
  listCustomers(period: Period): Promise<readonly number[]>;
  syncCustomer(
    input: { period: Period; customerId: number; full: boolean },
    context: JobContext,
  ): Promise<SyncCustomerSummary>;
  closePeriod(
    input: { period: Period; customerId: number },
    context: JobContext,
  ): Promise<ClosePeriodSummary>;
  setupCheck(context: JobContext): Promise<SetupCheckSummary>;
}

/** One Odoo round trip, as `src/odoo/round-trips.ts` reports it (for `/metrics`). */
export interface OdooCallRecord {
  readonly model: string;
  readonly method: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly errorCode?: string;
}

/**
 * Handed to the handlers' factory and from there to every Odoo client: a rate limit shared by all
 * workers on this Redis, and a hook that counts calls and errors.
 */
export interface OdooCallGate {
  /** Resolves when one more call to Odoo is allowed (await it before every round trip). */
  acquire(): Promise<void>;
  /** Called after every round trip (the `RoundTripHook` shape). */
  onCall(trip: OdooCallRecord): void;
}
