/** Queue and job names, declared once (style.md naming): lowercase kebab-case. */
export const QUEUES = {
  sync: 'tally-sync',
  closePeriod: 'tally-close-period',
  setupCheck: 'tally-setup-check',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

export const JOBS = {
  /** Plans a sync: lists the period's customers and fans out one `sync-customer` each. */
  sync: 'sync',
  /** The flow parent of a sync: sums its children when they are done. */
  syncSummary: 'sync-summary',
  syncCustomer: 'sync-customer',
  closePeriod: 'close-period',
  closePeriodSummary: 'close-period-summary',
  closePeriodCustomer: 'close-period-customer',
  setupCheck: 'setup-check',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Job kinds a schedule or `tally` command may start, and the queue each runs on. */
export const SCHEDULABLE_JOBS = {
  sync: QUEUES.sync,
  'close-period': QUEUES.closePeriod,
  'setup-check': QUEUES.setupCheck,
} as const satisfies Partial<Record<JobName, QueueName>>;
export type SchedulableJob = keyof typeof SCHEDULABLE_JOBS;
export const SCHEDULABLE_JOB_NAMES = Object.keys(SCHEDULABLE_JOBS) as readonly SchedulableJob[];

/** Redis keys Tally keeps beside BullMQ's, under the same prefix (so in the same Cluster slot). */
export const TALLY_KEYS = {
  /** `scope` names the Odoo database (see `lockScopeOf`): two databases never block each other. */
  customerLock: (prefix: string, customerId: number, scope = '') =>
    `${prefix}:lock:${scope === '' ? '' : `${scope}:`}customer:${customerId}`,
  /** Held by an inline run over every customer: no customer job starts while it is held. */
  allCustomersLock: (prefix: string, scope = '') =>
    `${prefix}:lock:${scope === '' ? '' : `${scope}:`}all-customers`,
  odooRate: (prefix: string) => `${prefix}:odoo-rate`,
  lastRuns: (prefix: string) => `${prefix}:last-run`,
} as const;
