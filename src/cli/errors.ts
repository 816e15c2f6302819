import { TallyError } from '../shared/errors';

/** A command-line flag or argument that does not parse; exits with status 2. */
export class UsageError extends TallyError {
  readonly code = 'CLI_USAGE';
}
