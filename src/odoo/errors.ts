/**
 * The catalog of Odoo client errors (style.md rule 3). Every failure of an RPC ends as one of these,
 * built in `transports/classify-error.ts`. `details` keep the server's exception class (`serverName`)
 * and a trimmed server message, never the traceback and never the request's arguments.
 */
import { TallyError, type ErrorDetails, type TallyErrorOptions } from '../shared/errors';

export const ODOO_ERROR_CODES = [
  'ODOO_AUTH_FAILED',
  'ODOO_LOGIN_COOLDOWN',
  'ODOO_ACCESS_DENIED',
  'ODOO_VALIDATION',
  'ODOO_USER_ERROR',
  'ODOO_MISSING_RECORD',
  'ODOO_UNKNOWN_MODEL',
  'ODOO_UNKNOWN_METHOD',
  'ODOO_BAD_REQUEST',
  'ODOO_CONCURRENT_UPDATE',
  'ODOO_SESSION_EXPIRED',
  'ODOO_SERVER_ERROR',
  'ODOO_TIMEOUT',
  'ODOO_TRANSPORT',
  'ODOO_UNEXPECTED_RESPONSE',
  'ODOO_PROTOCOL_UNAVAILABLE',
] as const;

export type OdooErrorCode = (typeof ODOO_ERROR_CODES)[number];

export interface OdooErrorOptions {
  readonly details?: ErrorDetails;
  readonly cause?: unknown;
}

export abstract class OdooError extends TallyError {
  abstract override readonly code: OdooErrorCode;
}

/** Bad login, password or API key (a `false` uid, AccessDenied in a call, HTTP 401). */
export class OdooAuthError extends OdooError {
  readonly code = 'ODOO_AUTH_FAILED';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** Odoo refuses logins from this address for a while after repeated failures. */
export class OdooLoginCooldownError extends OdooError {
  readonly code = 'ODOO_LOGIN_COOLDOWN';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    // Retrying only extends the lockout, so even a scheduler must not retry this on its own.
    super(userMessage, { ...options, retryable: false });
  }
}

/** AccessError / HTTP 403: the Tally user lacks a group or a record rule hides the records. */
export class OdooAccessDeniedError extends OdooError {
  readonly code = 'ODOO_ACCESS_DENIED';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** ValidationError: a constraint refused the values (also DB integrity errors). */
export class OdooValidationError extends OdooError {
  readonly code = 'ODOO_VALIDATION';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** UserError and its kin (RedirectWarning, XML-RPC fault 2 that cannot be told apart). */
export class OdooUserError extends OdooError {
  readonly code = 'ODOO_USER_ERROR';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** MissingError: the record was deleted or never existed. */
export class OdooMissingRecordError extends OdooError {
  readonly code = 'ODOO_MISSING_RECORD';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** The model is not installed on this database. */
export class OdooUnknownModelError extends OdooError {
  readonly code = 'ODOO_UNKNOWN_MODEL';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** The method does not exist on the model (or is private). */
export class OdooUnknownMethodError extends OdooError {
  readonly code = 'ODOO_UNKNOWN_METHOD';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** The call itself is wrong: bad field in a filter, wrong argument, malformed body. */
export class OdooBadRequestError extends OdooError {
  readonly code = 'ODOO_BAD_REQUEST';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** Serialization failure, lock not available or deadlock, after Odoo's own retries gave up. */
export class OdooConcurrentUpdateError extends OdooError {
  readonly code = 'ODOO_CONCURRENT_UPDATE';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: true });
  }
}

/** JSON-RPC code 100: a web session expired; a new login and a replay can succeed. */
export class OdooSessionExpiredError extends OdooError {
  readonly code = 'ODOO_SESSION_EXPIRED';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: true });
  }
}

/** Any other server-side exception (a bug in a module, say): replaying the call will not help. */
export class OdooServerError extends OdooError {
  readonly code = 'ODOO_SERVER_ERROR';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** The per-call timeout elapsed before Odoo answered. */
export class OdooTimeoutError extends OdooError {
  readonly code = 'ODOO_TIMEOUT';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: true });
  }
}

export interface OdooTransportErrorOptions extends OdooErrorOptions {
  readonly retryable: boolean;
  /** From a `Retry-After` header, when the server or proxy sent one. */
  readonly retryAfterMs?: number;
}

/** Network failure, 429, 5xx from a proxy, an HTML or non-JSON body. */
export class OdooTransportError extends OdooError {
  readonly code = 'ODOO_TRANSPORT';
  readonly retryAfterMs: number | undefined;
  constructor(userMessage: string, options: OdooTransportErrorOptions) {
    super(userMessage, options satisfies TallyErrorOptions);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Odoo answered, but not in the shape we rely on (zod parsing failed). */
export class OdooUnexpectedResponseError extends OdooError {
  readonly code = 'ODOO_UNEXPECTED_RESPONSE';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** The requested protocol cannot be used with this server or these credentials. */
export class OdooProtocolUnavailableError extends OdooError {
  readonly code = 'ODOO_PROTOCOL_UNAVAILABLE';
  constructor(userMessage: string, options: OdooErrorOptions = {}) {
    super(userMessage, { ...options, retryable: false });
  }
}

/** True for errors of this catalog. */
export function isOdooError(value: unknown): value is OdooError {
  return value instanceof OdooError;
}
