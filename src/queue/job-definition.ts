import type { z } from 'zod';
import type { JobContext, TallyJobHandlers } from './job-handlers';
import type { JobName, QueueName } from './names';

/** One child of a fan-out; `dedupId` keeps the same customer and period from being queued twice. */
export interface FanOutChild {
  readonly name: JobName;
  readonly queue: QueueName;
  readonly data: Readonly<Record<string, unknown>>;
  readonly dedupId: string;
}

/** A flow: a parent job that runs once every child is done (failed children are counted, not fatal). */
export interface FanOut {
  readonly parent: {
    readonly name: JobName;
    readonly queue: QueueName;
    readonly data: Readonly<Record<string, unknown>>;
  };
  readonly children: readonly FanOutChild[];
}

/** What a flow parent learns of its children. */
export interface ChildrenResults {
  readonly values: readonly unknown[];
  /** Children that failed after all their attempts (their reasons stay on the failed jobs). */
  readonly failed: number;
}

/** What a job's `process` may use besides its payload. */
export interface JobServices {
  readonly handlers: TallyJobHandlers;
  readonly context: JobContext;
  readonly job: {
    readonly id: string;
    readonly name: string;
    /** When the job was due (its scheduled instant for a schedule's job), ISO UTC. */
    readonly dueAt: string;
  };
  /** Adds the flow; resolves with how many children were added (the rest were already queued). */
  fanOut(flow: FanOut): Promise<number>;
  childrenResults(): Promise<ChildrenResults>;
}

/** The customer and period a job writes; the job holds that customer's lock while it runs. */
export interface CustomerScope {
  readonly customerId: number;
  readonly period: string;
}

/**
 * A job kind, declared in `jobs/` (style.md: jobs are thin declarations): payload and result are
 * parsed with their schemas at the job boundary, `process` calls the sync handlers.
 */
export interface JobDefinition<P = unknown, R = unknown> {
  readonly name: JobName;
  readonly queue: QueueName;
  readonly payloadSchema: z.ZodType<P>;
  readonly resultSchema: z.ZodType<R>;
  /** Set for jobs that write one customer: the lock to hold and the `tally status` row to update. */
  customerScope?(payload: P): CustomerScope;
  process(payload: P, services: JobServices): Promise<R>;
}

/** A definition with its types erased, for registries of many kinds. */
// The payload type is checked by each definition's own schema at run time, so `never` in is safe.
export type AnyJobDefinition = JobDefinition<never, unknown>;

/** Declares a job kind with its payload and result types inferred from the schemas. */
export function defineJob<P, R>(definition: JobDefinition<P, R>): AnyJobDefinition {
  return definition as unknown as AnyJobDefinition;
}
