import { TallyError } from '../shared/errors';

/** The catalog of setup errors (style.md rule 3). */

/** `tally setup` found problems that must be fixed before Tally can sync; exits with status 1. */
export class SetupIncompleteError extends TallyError {
  readonly code = 'SETUP_INCOMPLETE';

  constructor(readonly failures: number) {
    super(
      `Odoo is not ready for Tally: ${failures === 1 ? '1 item' : `${failures} items`} of the setup checklist must be fixed (marked FAIL); fix them and run tally setup again.`,
      { retryable: false, details: { failures } },
    );
  }
}
