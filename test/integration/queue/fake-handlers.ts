import type {
  ClosePeriodSummary,
  JobContext,
  Period,
  SetupCheckSummary,
  SyncCustomerSummary,
  TallyJobHandlers,
} from '../../../src/queue/job-handlers';
import type { TallyError } from '../../../src/shared/errors';

export interface HandlerCall {
  readonly method: 'syncCustomer' | 'closePeriod' | 'setupCheck';
  readonly customerId: number | null;
  readonly period: string | null;
  readonly startedAt: number;
  endedAt: number | null;
}

type Behaviour = (call: HandlerCall, context: JobContext) => Promise<void>;

/**
 * Handlers shaped like the real sync: they record every call (start and end), can be told to fail
 * (retryably or not) or to wait, and return summaries built from their inputs.
 */
export class FakeHandlers implements TallyJobHandlers {
  readonly calls: HandlerCall[] = [];
  customers: readonly number[] = [101, 102, 103];
  /** Minutes logged per customer, reported as billable in the summary. */
  minutes = 90;
  private behaviour: Behaviour = async () => undefined;
  private readonly failures: TallyError[] = [];

  /** The next calls throw these errors, in order. */
  failNext(...errors: TallyError[]): void {
    this.failures.push(...errors);
  }

  /** Runs before every write-like call returns (sleep, wait for a release, look at the signal). */
  onCall(behaviour: Behaviour): void {
    this.behaviour = behaviour;
  }

  /** Calls of one customer, in start order. */
  callsOf(customerId: number): HandlerCall[] {
    return this.calls.filter((call) => call.customerId === customerId);
  }

  async resolvePeriod(input: { relative: 'current' | 'previous'; asOf: string }): Promise<Period> {
    const asOf = new Date(input.asOf);
    const month = asOf.getUTCMonth() - (input.relative === 'previous' ? 1 : 0);
    const first = new Date(Date.UTC(asOf.getUTCFullYear(), month, 1));
    return first.toISOString().slice(0, 7);
  }

  async listCustomers(): Promise<readonly number[]> {
    return this.customers;
  }

  async syncCustomer(
    input: { period: Period; customerId: number; full: boolean },
    context: JobContext,
  ): Promise<SyncCustomerSummary> {
    await this.run('syncCustomer', input.customerId, input.period, context);
    return {
      customerId: input.customerId,
      period: input.period,
      lines: { created: 2, updated: 1, removed: 0 },
      minutesByCoverage: { covered: 30, billable: this.minutes, review: 0 },
      problems: 1,
      cursor: { writeDate: '2026-11-30 10:00:00', id: input.customerId },
    };
  }

  async closePeriod(
    input: { period: Period; customerId: number },
    context: JobContext,
  ): Promise<ClosePeriodSummary> {
    await this.run('closePeriod', input.customerId, input.period, context);
    return {
      customerId: input.customerId,
      period: input.period,
      lines: { created: 1, updated: 0, removed: 0 },
      invoiceId: 7000 + input.customerId,
      reviewActivities: 1,
      problems: 0,
    };
  }

  async setupCheck(context: JobContext): Promise<SetupCheckSummary> {
    await this.run('setupCheck', null, null, context);
    return { ready: true, failing: [] };
  }

  private async run(
    method: HandlerCall['method'],
    customerId: number | null,
    period: string | null,
    context: JobContext,
  ): Promise<void> {
    const call: HandlerCall = { method, customerId, period, startedAt: Date.now(), endedAt: null };
    this.calls.push(call);
    try {
      await this.behaviour(call, context);
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
    } finally {
      call.endedAt = Date.now();
    }
  }
}

/** A gate tests open when they are ready: handlers wait on it mid-job. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}
