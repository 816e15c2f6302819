import { TallyError } from '../shared/errors';

/** The error catalog of the queue area (style.md rule 3); each code is a row of the README's table. */

/** Redis did not answer; the worker or command cannot run without it. */
export class QueueRedisUnavailableError extends TallyError {
  readonly code = 'QUEUE_REDIS_UNAVAILABLE';
}

/** A job's payload does not parse: it was written by something other than Tally, or by an old version. */
export class QueuePayloadInvalidError extends TallyError {
  readonly code = 'QUEUE_PAYLOAD_INVALID';
}

/** The per-customer lock expired while a job held it, so another worker may have written too. */
export class CustomerLockLostError extends TallyError {
  readonly code = 'QUEUE_LOCK_LOST';
}

/** A failure that was not a TallyError (a bug, or a library error); retried, because it may pass. */
export class UnexpectedJobError extends TallyError {
  readonly code = 'QUEUE_JOB_UNEXPECTED';
}

/** `tally schedule remove` named a schedule that does not exist. */
export class ScheduleNotFoundError extends TallyError {
  readonly code = 'SCHEDULE_NOT_FOUND';
}

/** The dashboard could not listen on its address (port in use, address not on this machine). */
export class DashboardListenError extends TallyError {
  readonly code = 'DASHBOARD_LISTEN_FAILED';
}

/** Another run kept writing the customers an inline run needs for longer than it may wait. */
export class CustomersBusyError extends TallyError {
  readonly code = 'QUEUE_CUSTOMERS_BUSY';
}
