import type { JobType } from 'bullmq';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OdooCallRecord } from './job-handlers';
import { QUEUE_NAMES } from './names';
import type { TallyQueues } from './tally-queues';

/** Job states reported by `tally_queue_jobs`, as BullMQ names them. */
export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
] as const satisfies readonly JobType[];

export interface JobOutcome {
  readonly queue: string;
  readonly job: string;
  readonly outcome: 'completed' | 'failed' | 'retried' | 'delayed';
  readonly seconds: number;
}

/**
 * The Prometheus metrics of one worker process, on a registry of its own (no global state). Job
 * counts are read from Redis at scrape time; the rest count what this process did since it started.
 */
export class TallyMetrics {
  readonly registry = new Registry();
  private readonly durations: Histogram<'queue' | 'job' | 'outcome'>;
  private readonly odooCalls: Counter<'model' | 'method' | 'outcome'>;
  private readonly odooErrors: Counter<'code'>;
  private readonly linesWritten: Counter<'action'>;
  private readonly hours: Counter<'coverage'>;
  private readonly lockWaits: Counter;

  constructor(queues: TallyQueues) {
    const registers = [this.registry];
    new Gauge({
      name: 'tally_queue_jobs',
      help: 'Jobs in each queue by state (read from Redis at scrape time).',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        const counts = await Promise.all(
          QUEUE_NAMES.map(async (name) => ({
            name,
            counts: await queues.queue(name).getJobCounts(...JOB_STATES),
          })),
        );
        for (const { name, counts: byState } of counts)
          for (const state of JOB_STATES) this.set({ queue: name, state }, byState[state] ?? 0);
      },
    });
    this.durations = new Histogram({
      name: 'tally_job_duration_seconds',
      help: 'How long jobs ran, by queue, job name and outcome.',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: [0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
      registers,
    });
    this.odooCalls = new Counter({
      name: 'tally_odoo_calls_total',
      help: 'Round trips to Odoo by model, method and outcome (ok or error).',
      labelNames: ['model', 'method', 'outcome'],
      registers,
    });
    this.odooErrors = new Counter({
      name: 'tally_odoo_errors_total',
      help: 'Failed round trips to Odoo by error code.',
      labelNames: ['code'],
      registers,
    });
    this.linesWritten = new Counter({
      name: 'tally_invoice_lines_written_total',
      help: 'Draft invoice lines written to Odoo, by action (created, updated, removed).',
      labelNames: ['action'],
      registers,
    });
    this.hours = new Counter({
      name: 'tally_hours_total',
      help: 'Hours of work classified by coverage (covered, billable, review) in completed syncs.',
      labelNames: ['coverage'],
      registers,
    });
    this.lockWaits = new Counter({
      name: 'tally_customer_lock_waits_total',
      help: 'Jobs put back to wait because another job held their customer.',
      registers,
    });
  }

  observeJob(outcome: JobOutcome): void {
    const { queue, job } = outcome;
    this.durations.observe({ queue, job, outcome: outcome.outcome }, outcome.seconds);
  }

  recordOdooCall(call: OdooCallRecord): void {
    this.odooCalls.inc({
      model: call.model,
      method: call.method,
      outcome: call.ok ? 'ok' : 'error',
    });
    if (!call.ok) this.odooErrors.inc({ code: call.errorCode ?? 'UNKNOWN' });
  }

  recordLines(lines: { created: number; updated: number; removed: number }): void {
    for (const action of ['created', 'updated', 'removed'] as const)
      this.linesWritten.inc({ action }, lines[action]);
  }

  recordMinutes(minutes: { covered: number; billable: number; review: number }): void {
    for (const coverage of ['covered', 'billable', 'review'] as const)
      this.hours.inc({ coverage }, minutes[coverage] / 60);
  }

  recordLockWait(): void {
    this.lockWaits.inc();
  }

  /** The text exposition format, for `/metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
