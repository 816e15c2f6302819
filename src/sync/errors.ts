import { TallyError } from '../shared/errors';

/** The error catalog of the sync pipeline (style.md rule 3): none of these is helped by a retry. */

/** Something the pipeline needs is not set up (time zone, hourly rate, agreement source). */
export class SyncSetupError extends TallyError {
  readonly code = 'SYNC_SETUP_INVALID';
}

/** Tally's custom fields are not in Odoo yet: `tally setup` has not run on this database. */
export class TallyFieldsMissingError extends TallyError {
  readonly code = 'TALLY_FIELDS_MISSING';
}

/** `tally explain`: no timesheet or ticket answers to what was asked for. */
export class ExplainNotFoundError extends TallyError {
  readonly code = 'EXPLAIN_NOT_FOUND';
}

/** `tally explain`: the timesheet exists but is no work Tally bills (not on a helpdesk ticket). */
export class ExplainNotTicketWorkError extends TallyError {
  readonly code = 'EXPLAIN_NOT_TICKET_WORK';
}

/** A run asked to stop (its customer lock was lost, or the worker is shutting down) stopped. */
export class SyncStoppedError extends TallyError {
  readonly code = 'SYNC_STOPPED';
  constructor() {
    super(
      'The sync stopped before finishing because it was asked to (lock lost or shutdown); the next run completes it.',
      {
        retryable: true,
      },
    );
  }
}
