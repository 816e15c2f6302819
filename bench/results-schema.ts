/** The JSON the bench writes to bench-results/ (one file per run, plus latest.json). */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const ratio = z.number().nonnegative();

export const PassFiguresSchema = z.object({
  seconds: ratio,
  linesPerSecond: ratio,
  readTrips: count,
  writeTrips: count,
  readTripsPer1000Lines: ratio,
  /** null when the pass wrote no invoice line (a rerun). */
  writeTripsPer1000InvoiceLines: ratio.nullable(),
  tripsPer1000Lines: ratio,
  /** Only the calls that write invoices and their lines (account.move, account.move.line). */
  invoiceWriteTripsPer1000InvoiceLines: ratio.nullable(),
  invoiceLinesWritten: count,
  recordsWritten: count,
  timesheetRowsRead: count,
  peakRssMb: ratio,
  byCall: z.record(z.string(), count),
});
export type PassFigures = z.infer<typeof PassFiguresSchema>;

export const StrategyFiguresSchema = z.object({
  full: PassFiguresSchema,
  rerun: PassFiguresSchema,
  /** Peak RSS of the worker over both passes. */
  peakRssMb: ratio,
  /** Digest of the keyed invoice lines and timesheet marks in Odoo after the rerun. */
  stateDigest: z.string(),
  invoiceLinesInOdoo: count,
});
export type StrategyFigures = z.infer<typeof StrategyFiguresSchema>;

export const DatasetSchema = z.object({
  lines: count,
  customers: count,
  tickets: count,
  periods: z.array(z.string()),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const SizeRunSchema = z.object({ dataset: DatasetSchema, batched: StrategyFiguresSchema });
export type SizeRun = z.infer<typeof SizeRunSchema>;

export const NaiveRunSchema = z.object({
  dataset: DatasetSchema,
  batched: StrategyFiguresSchema,
  naive: StrategyFiguresSchema,
  /** Both strategies left Odoo in the same state. */
  sameResult: z.boolean(),
});
export type NaiveRun = z.infer<typeof NaiveRunSchema>;

export const TargetSchema = z.object({
  id: z.string(),
  description: z.string(),
  limit: z.string(),
  value: z.string(),
  status: z.enum(['PASS', 'FAIL', 'SKIP']),
});
export type Target = z.infer<typeof TargetSchema>;

export const BenchResultsSchema = z.object({
  version: z.literal(1),
  startedAt: z.string(),
  machine: z.object({ cpus: count, node: z.string(), platform: z.string(), totalMemMb: ratio }),
  options: z.object({
    lines: z.array(count),
    naiveLines: count,
    customers: count,
    latencyMs: count,
    seed: z.number().int(),
  }),
  runs: z.array(SizeRunSchema).min(1),
  naive: NaiveRunSchema,
  targets: z.array(TargetSchema).min(1),
  allPass: z.boolean(),
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;
