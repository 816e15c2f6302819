/**
 * Batch sizes for writes (odoo-rpc.md §5, a rule of thumb, unverified by measurement): invoice lines
 * in creates of at most 100, timesheet links in writes of a few hundred ids. One batch = one call =
 * one transaction, so round trips grow with batches, not records.
 */
export const CREATE_BATCH_SIZE = 100;
export const WRITE_IDS_BATCH_SIZE = 300;

/** Splits `items` into consecutive batches of at most `size` (the last may be shorter). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}
