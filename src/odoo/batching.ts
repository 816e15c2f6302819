/**
 * Ids per `write` of the same values (timesheet marks, notice keys). odoo-rpc.md §5 suggests "a
 * few hundred" (unverified); the bench (bench/README.md) showed that the number of calls, not
 * their size, bounds a sync. Odoo's ORM writes plain stored fields on many ids as set-based
 * `UPDATE ... WHERE id IN (...)` statements of up to `cr.IN_MAX` (1,000) ids, and Tally's
 * `x_tally_*` marks have no computed fields depending on them, so 5,000 ids are five statements in
 * one short transaction and a request of about 40 KB.
 */
export const WRITE_IDS_BATCH_SIZE = 5000;

/** Splits `items` into consecutive batches of at most `size` (the last may be shorter). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}
