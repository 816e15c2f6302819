import { TallyError } from '../../../src/shared/errors';

/** Stand-ins for the sync's errors: one a retry can help, one it cannot. */
export class FakeTimeoutError extends TallyError {
  readonly code = 'ODOO_TIMEOUT';
  constructor() {
    super('Odoo did not answer within 30 s; the call is retried.', { retryable: true });
  }
}

export class FakeAccessError extends TallyError {
  readonly code = 'ODOO_ACCESS_DENIED';
  constructor(password = 'hunter2-secret') {
    super(`The Tally user may not read account.move; ask an admin to add it to Invoicing.`, {
      retryable: false,
      details: { model: 'account.move', password },
    });
  }
}
