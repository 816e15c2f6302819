import { TallyError } from '../shared/errors';

/** The error catalog of the sync pipeline (style.md rule 3): none of these is helped by a retry. */

/** Something the pipeline needs is not set up (time zone, hourly rate, agreement source). */
export class SyncSetupError extends TallyError {
  readonly code = 'SYNC_SETUP_INVALID';
}
