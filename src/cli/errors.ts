import { TallyError } from '../shared/errors';

/** A command-line flag or argument that does not parse; exits with status 2. */
export class UsageError extends TallyError {
  readonly code = 'CLI_USAGE';
}

/** A statement file could not be written (`tally statement --out`); exits with status 1. */
export class StatementWriteError extends TallyError {
  readonly code = 'STATEMENT_WRITE_FAILED';
}
