/**
 * Deduplication ids derived from inputs only (style.md naming: `close-period:<customer>:<yyyy-mm>`).
 * BullMQ holds such an id while its job waits or runs, so the same work is never queued twice at once.
 */
export const dedupIds = {
  syncCustomer: (customerId: number, period: string) => `sync-customer:${customerId}:${period}`,
  closePeriodCustomer: (customerId: number, period: string) =>
    `close-period:${customerId}:${period}`,
  /** A whole sync or close of one period, asked for by a command. */
  periodRun: (kind: string, period: string) => `${kind}:${period}`,
} as const;
