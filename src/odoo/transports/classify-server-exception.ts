/**
 * A Python exception raised inside Odoo → an `OdooError`. Switches on the exception class name, not
 * on JSON-RPC's `code` (200 on 16/17, 0 on 19; odoo-verified.md "Error shapes"), with the HTTP status
 * of JSON-2 as a fallback when no name came back.
 */
import {
  OdooAccessDeniedError,
  OdooAuthError,
  OdooBadRequestError,
  OdooConcurrentUpdateError,
  OdooLoginCooldownError,
  OdooMissingRecordError,
  OdooServerError,
  OdooSessionExpiredError,
  OdooTransportError,
  OdooUnknownMethodError,
  OdooUnknownModelError,
  OdooUserError,
  OdooValidationError,
  type OdooError,
} from '../errors';
import { likelyMissingGroup, modelFromAccessMessage } from './access-hints';
import {
  buildDetails,
  describeCall,
  trimServerMessage,
  type FailureContext,
} from './failure-context';

export interface ServerException {
  /** Dotted class path as Odoo sends it, e.g. "odoo.exceptions.MissingError". */
  readonly name: string | undefined;
  readonly message: string;
  readonly httpStatus?: number;
  readonly jsonRpcCode?: number;
  readonly faultCode?: number | string;
}

const CONCURRENCY_CLASSES = new Set([
  'SerializationFailure',
  'LockNotAvailable',
  'DeadlockDetected',
  'TransactionRollbackError',
  'LockError',
]);
const BAD_REQUEST_CLASSES = new Set([
  'ValueError',
  'TypeError',
  'KeyError',
  'IndexError',
  'UnprocessableEntity',
  'BadRequest',
  'UnsupportedMediaType',
]);
const COOLDOWN_TEXT = /too many login failures/i;
const UNKNOWN_MODEL_TEXT = /^Object \S+ doesn't exist|the model '[^']+' does not exist/i;
const UNKNOWN_METHOD_TEXT = /The method '[^']+' does not exist/i;
/** Odoo's MissingError text; the only way to spot it behind XML-RPC fault code 2. */
export const MISSING_RECORD_TEXT = /Record does not exist or has been deleted/i;
const UNKNOWN_DATABASE_TEXT = /database "[^"]*" does not exist/i;

/** The class name without its module path: "odoo.exceptions.UserError" → "UserError". */
export function shortClassName(name: string | undefined): string {
  if (name === undefined) return '';
  const parts = name.split('.');
  return parts[parts.length - 1] ?? name;
}

/** Maps one server exception to the catalog. */
export function classifyServerException(
  exception: ServerException,
  context: FailureContext,
): OdooError {
  const serverMessage = trimServerMessage(exception.message, context.redact);
  const details = buildDetails(context, {
    serverName: exception.name,
    serverMessage,
    httpStatus: exception.httpStatus,
    jsonRpcCode: exception.jsonRpcCode,
    faultCode: exception.faultCode,
  });
  const options = { details };
  const call = describeCall(context);
  const className = shortClassName(exception.name);

  if (className === 'AccessDenied' || className === 'Unauthorized') {
    if (COOLDOWN_TEXT.test(serverMessage)) {
      return new OdooLoginCooldownError(
        'Odoo refuses logins from this address after repeated failures: wait a minute, then fix ODOO_LOGIN and the password or API key before trying again.',
        options,
      );
    }
    return new OdooAuthError(
      `Odoo rejected the credentials (${serverMessage || 'Access Denied'}): check ODOO_LOGIN and ODOO_PASSWORD or ODOO_API_KEY.`,
      options,
    );
  }
  if (className === 'AccessError') return accessDenied(serverMessage, context, options);
  if (className === 'MissingError' || MISSING_RECORD_TEXT.test(serverMessage)) {
    return new OdooMissingRecordError(
      `${call} touched a record that does not exist or was deleted: ${serverMessage}`,
      options,
    );
  }
  if (UNKNOWN_MODEL_TEXT.test(serverMessage)) {
    return new OdooUnknownModelError(
      `Model ${context.model ?? ''} is not installed on this Odoo database: install the module that provides it or fix the model name.`,
      options,
    );
  }
  if (UNKNOWN_METHOD_TEXT.test(serverMessage) || className === 'AttributeError') {
    return new OdooUnknownMethodError(
      `${call} does not exist on this Odoo server: ${serverMessage}`,
      options,
    );
  }
  if (className === 'ValidationError' || className === 'IntegrityError') {
    return new OdooValidationError(`Odoo refused ${call}: ${serverMessage}`, options);
  }
  if (className === 'UserError' || className === 'RedirectWarning' || className === 'Warning') {
    return new OdooUserError(`Odoo refused ${call}: ${serverMessage}`, options);
  }
  if (CONCURRENCY_CLASSES.has(className)) {
    return new OdooConcurrentUpdateError(
      `${call} collided with a concurrent update in Odoo; it can be retried.`,
      options,
    );
  }
  if (className === 'SessionExpiredException' || exception.jsonRpcCode === 100) {
    return new OdooSessionExpiredError('The Odoo session expired; log in again.', options);
  }
  if (BAD_REQUEST_CLASSES.has(className)) {
    return new OdooBadRequestError(`Odoo could not run ${call}: ${serverMessage}`, options);
  }
  if (className === 'OperationalError' && UNKNOWN_DATABASE_TEXT.test(serverMessage)) {
    return new OdooTransportError('The Odoo server has no database by that name: check ODOO_DB.', {
      ...options,
      retryable: false,
    });
  }
  if (className === 'OperationalError' || className === 'InterfaceError') {
    return new OdooTransportError(
      `Odoo lost its database connection during ${call}; it can be retried.`,
      { ...options, retryable: true },
    );
  }
  if (className === 'NotFound') {
    return new OdooUnknownMethodError(`${call} was not found on this Odoo server.`, options);
  }
  return classifyByStatus(exception.httpStatus, serverMessage, context, options);
}

function accessDenied(
  serverMessage: string,
  context: FailureContext,
  options: { details: ReturnType<typeof buildDetails> },
): OdooError {
  const model = modelFromAccessMessage(serverMessage) ?? context.model;
  const group = likelyMissingGroup(model, serverMessage);
  const hint = group === undefined ? '' : ` (likely missing group: ${group})`;
  return new OdooAccessDeniedError(
    `The Odoo user may not access ${model ?? 'these records'}${hint}: ${serverMessage}`,
    options,
  );
}

function classifyByStatus(
  status: number | undefined,
  serverMessage: string,
  context: FailureContext,
  options: { details: ReturnType<typeof buildDetails> },
): OdooError {
  const call = describeCall(context);
  if (status === 401) {
    return new OdooAuthError(
      'Odoo rejected the API key: check ODOO_LOGIN and ODOO_API_KEY.',
      options,
    );
  }
  if (status === 403) return accessDenied(serverMessage, context, options);
  if (status === 404) {
    return new OdooMissingRecordError(`${call} found nothing: ${serverMessage}`, options);
  }
  if (status === 422)
    return new OdooValidationError(`Odoo refused ${call}: ${serverMessage}`, options);
  if (status === 400) {
    return new OdooBadRequestError(`Odoo could not run ${call}: ${serverMessage}`, options);
  }
  return new OdooServerError(
    `Odoo failed while running ${call}: ${serverMessage || 'no message'}`,
    options,
  );
}
