import type { QueueSettingsInput } from '../../../src/queue/queue-settings';

/** Short timings so retries, lock waits and stall checks happen within a test. */
export const FAST: Partial<QueueSettingsInput> = {
  attempts: 3,
  backoffMs: 50,
  customerLockTtlMs: 2_000,
  customerLockRetryMs: 40,
  jobLockMs: 2_000,
  stalledIntervalMs: 500,
  shutdownGraceMs: 2_000,
  odooRps: 0,
};
