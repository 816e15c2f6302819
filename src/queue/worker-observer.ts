/** What a worker tells the person or log watching it (progress display, log lines). */
export interface JobEvent {
  readonly queue: string;
  readonly job: string;
  readonly jobId: string;
  /** Customer and period, when the job has them. */
  readonly scope?: { readonly customerId: number; readonly period: string };
}

export interface WorkerObserver {
  started(event: JobEvent): void;
  completed(event: JobEvent & { readonly seconds: number; readonly result: unknown }): void;
  /** `willRetry` is false when the job failed for good (unrecoverable or out of attempts). */
  failed(
    event: JobEvent & {
      readonly seconds: number;
      readonly reason: string;
      readonly willRetry: boolean;
    },
  ): void;
  /** The job's customer was locked by another job; it waits and tries again. */
  waiting(event: JobEvent & { readonly reason: string }): void;
  progress(event: JobEvent & { readonly done: number; readonly total: number }): void;
}

export const silentObserver: WorkerObserver = {
  started: () => undefined,
  completed: () => undefined,
  failed: () => undefined,
  waiting: () => undefined,
  progress: () => undefined,
};
