import { TallyError } from '../shared/errors';

/** A command-line flag or argument that does not parse; exits with status 2. */
export class UsageError extends TallyError {
  readonly code = 'CLI_USAGE';
}

/** A statement file could not be written (`tally statement --out`); exits with status 1. */
export class StatementWriteError extends TallyError {
  readonly code = 'STATEMENT_WRITE_FAILED';
}

/** `tally demo --odoo` could not load the demo company into the named database; exits with status 1. */
export class DemoLoadError extends TallyError {
  readonly code = 'DEMO_LOAD_FAILED';
}

/** `tally demo --odoo` refuses a database that already holds customers or invoices; status 2. */
export class DemoDatabaseInUseError extends TallyError {
  readonly code = 'DEMO_DATABASE_IN_USE';
}
