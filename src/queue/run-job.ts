import { DelayedError, type Job } from 'bullmq';
import { z } from 'zod';
import type { SecretScrubber } from '../shared/redact';
import type { CustomerLock, HeldLock } from './customer-lock';
import { CustomerLockLostError, QueuePayloadInvalidError, UnexpectedJobError } from './errors';
import { describeFailure, toBullMqError } from './job-errors';
import type { AnyJobDefinition, ChildrenResults, CustomerScope, FanOut } from './job-definition';
import { LineChangesSchema, MinutesByCoverageSchema, type TallyJobHandlers } from './job-handlers';
import type { LastRunStore } from './last-runs';
import type { TallyMetrics } from './metrics';
import type { JobEvent, WorkerObserver } from './worker-observer';

export interface RunJobDeps {
  readonly definitions: ReadonlyMap<string, AnyJobDefinition>;
  readonly handlers: TallyJobHandlers;
  readonly lock: CustomerLock;
  readonly lockRetryMs: number;
  readonly lastRuns: LastRunStore;
  readonly metrics: TallyMetrics;
  readonly observer: WorkerObserver;
  readonly scrubber: SecretScrubber;
  readonly fanOut: (flow: FanOut) => Promise<number>;
  readonly now: () => number;
}

// What metrics read from a customer job's summary; other fields are the handlers' business.
const RunFactsSchema = z.object({
  lines: LineChangesSchema.optional(),
  minutesByCoverage: MinutesByCoverageSchema.optional(),
});

function issuesText(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
}

/** Turns one BullMQ job into a call of its definition, with lock, parsing and error mapping. */
export async function runJob(
  deps: RunJobDeps,
  job: Job,
  token: string | undefined,
  workerSignal: AbortSignal | undefined,
): Promise<unknown> {
  const started = deps.now();
  const event: JobEvent = { queue: job.queueName, job: job.name, jobId: job.id ?? '' };
  let scope: CustomerScope | undefined;
  let held: HeldLock | null = null;
  try {
    const definition = deps.definitions.get(job.name);
    if (definition === undefined) {
      throw new QueuePayloadInvalidError(
        `Job ${job.name} ${event.jobId} has no definition in this worker: upgrade the worker or remove the job.`,
      );
    }
    const payload = definition.payloadSchema.safeParse(job.data);
    if (!payload.success) {
      throw new QueuePayloadInvalidError(
        `Job ${job.name} ${event.jobId} has an invalid payload (${issuesText(payload.error)}); remove it and queue it again with tally.`,
      );
    }
    scope = definition.customerScope?.(payload.data);
    const scoped: JobEvent = scope === undefined ? event : { ...event, scope };
    if (scope !== undefined) {
      held = await deps.lock.tryAcquire(scope.customerId);
      if (held === null) {
        // Waiting does not use up an attempt: the job goes back to delayed and is retried as is.
        deps.metrics.recordLockWait();
        deps.observer.waiting({ ...scoped, reason: `customer ${scope.customerId} is locked` });
        await job.moveToDelayed(deps.now() + deps.lockRetryMs, token);
        throw new DelayedError();
      }
    }
    deps.observer.started(scoped);
    const signals = [workerSignal, held?.lost].filter((s): s is AbortSignal => s !== undefined);
    const raw = await definition.process(payload.data, {
      handlers: deps.handlers,
      context: {
        signal: AbortSignal.any(signals),
        reportProgress: async (done, total) => {
          await job.updateProgress({ done, total });
          deps.observer.progress({ ...scoped, done, total });
        },
      },
      job: {
        id: event.jobId,
        name: job.name,
        dueAt: new Date(job.timestamp + (job.opts.delay ?? 0)).toISOString(),
      },
      fanOut: deps.fanOut,
      childrenResults: () => childrenOf(job),
    });
    if (held?.lost.aborted === true) {
      throw new CustomerLockLostError(
        `The lock on customer ${scope?.customerId ?? '?'} expired while ${job.name} ran (was Redis unreachable?); the job is run again.`,
        { retryable: true },
      );
    }
    const result = definition.resultSchema.safeParse(raw);
    if (!result.success) {
      throw new UnexpectedJobError(
        `${job.name} returned a summary that does not parse (${issuesText(result.error)}); this is a bug in Tally.`,
      );
    }
    const seconds = (deps.now() - started) / 1000;
    await recordSuccess(deps, job, scope, result.data);
    deps.metrics.observeJob({ ...event, outcome: 'completed', seconds });
    deps.observer.completed({ ...scoped, seconds, result: result.data });
    return result.data;
  } catch (error) {
    if (error instanceof DelayedError) throw error;
    const failure = describeFailure(error, deps.scrubber);
    const attempts = job.opts.attempts ?? 1;
    const willRetry = failure.retryable && job.attemptsMade + 1 < attempts;
    const seconds = (deps.now() - started) / 1000;
    if (!willRetry && scope !== undefined) {
      await deps.lastRuns.record({
        customerId: scope.customerId,
        period: scope.period,
        job: job.name,
        jobId: event.jobId,
        finishedAt: new Date(deps.now()).toISOString(),
        outcome: 'failed',
        reason: failure.message,
        summary: null,
      });
    }
    deps.metrics.observeJob({ ...event, outcome: willRetry ? 'retried' : 'failed', seconds });
    deps.observer.failed({
      ...(scope === undefined ? event : { ...event, scope }),
      seconds,
      reason: failure.message,
      willRetry,
    });
    throw toBullMqError(failure);
  } finally {
    await held?.release();
  }
}

async function recordSuccess(
  deps: RunJobDeps,
  job: Job,
  scope: CustomerScope | undefined,
  result: unknown,
): Promise<void> {
  if (scope === undefined) return;
  const facts = RunFactsSchema.safeParse(result);
  if (facts.success) {
    if (facts.data.lines !== undefined) deps.metrics.recordLines(facts.data.lines);
    if (facts.data.minutesByCoverage !== undefined)
      deps.metrics.recordMinutes(facts.data.minutesByCoverage);
  }
  await deps.lastRuns.record({
    customerId: scope.customerId,
    period: scope.period,
    job: job.name,
    jobId: job.id ?? '',
    finishedAt: new Date(deps.now()).toISOString(),
    outcome: 'completed',
    reason: null,
    summary:
      result !== null && typeof result === 'object' ? (result as Record<string, unknown>) : null,
  });
}

async function childrenOf(job: Job): Promise<ChildrenResults> {
  const [values, failures] = await Promise.all([
    job.getChildrenValues(),
    job.getIgnoredChildrenFailures(),
  ]);
  return { values: Object.values(values), failed: Object.keys(failures).length };
}
