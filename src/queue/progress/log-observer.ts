import type { Logger } from '../../shared/logger';
import type { WorkerObserver } from '../worker-observer';
import { describeJob, describeResult } from './describe-event';

/** Plain structured log lines, one per job event (when stdout is not a terminal). */
export function logObserver(logger: Logger): WorkerObserver {
  const ids = (event: { queue: string; job: string; jobId: string; scope?: object }) => ({
    queue: event.queue,
    job: event.job,
    jobId: event.jobId,
    ...(event.scope ?? {}),
  });
  return {
    started: (event) =>
      logger.info(`Started ${describeJob(event)}.`, { event: 'job.started', ...ids(event) }),
    completed: (event) =>
      logger.info(
        `Completed ${describeJob(event)} in ${event.seconds.toFixed(1)} s. ${describeResult(event.result)}`.trim(),
        {
          event: 'job.completed',
          ...ids(event),
          seconds: event.seconds,
          result: event.result,
        },
      ),
    failed: (event) =>
      logger[event.willRetry ? 'warn' : 'error'](
        `${event.willRetry ? 'Will retry' : 'Failed'} ${describeJob(event)}: ${event.reason}`,
        {
          event: event.willRetry ? 'job.retrying' : 'job.failed',
          ...ids(event),
          reason: event.reason,
        },
      ),
    waiting: (event) =>
      logger.info(`Waiting: ${describeJob(event)}, ${event.reason}.`, {
        event: 'job.waiting',
        ...ids(event),
      }),
    progress: (event) =>
      logger.debug(`Progress ${describeJob(event)}: ${event.done}/${event.total}.`, {
        event: 'job.progress',
        ...ids(event),
        done: event.done,
        total: event.total,
      }),
  };
}
