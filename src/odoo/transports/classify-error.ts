/**
 * Every raw failure of every transport becomes an `OdooError` here, in one place (style.md rule 3):
 * server exceptions (JSON-RPC `error.data`, JSON-2 bodies), XML-RPC faults, HTTP answers that are
 * not Odoo's (proxy pages, 429, 5xx), socket errors and timeouts.
 */
import {
  OdooAccessDeniedError,
  OdooAuthError,
  OdooBadRequestError,
  OdooTimeoutError,
  OdooTransportError,
  OdooUnexpectedResponseError,
  isOdooError,
  type OdooError,
} from '../errors';
import {
  MISSING_RECORD_TEXT,
  classifyServerException,
  type ServerException,
} from './classify-server-exception';
import {
  buildDetails,
  describeCall,
  trimServerMessage,
  type FailureContext,
} from './failure-context';

export type RawFailure =
  | ({ readonly kind: 'server-exception' } & ServerException)
  | {
      readonly kind: 'xmlrpc-fault';
      readonly faultCode: number | string;
      readonly faultString: string;
    }
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly contentType: string | undefined;
      readonly bodyText: string;
      readonly retryAfter?: string | null;
    }
  | { readonly kind: 'thrown'; readonly error: unknown; readonly timeoutMs: number };

/** HTTP statuses a proxy or an overloaded server answers that a later attempt may not. */
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Socket-level error codes worth another attempt (server restarting, connection reset). */
const RETRYABLE_SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const NONE_MARSHAL_TEXT = /cannot marshal None/i;

/** Maps a raw failure to the error catalog. */
export function classifyFailure(failure: RawFailure, context: FailureContext): OdooError {
  switch (failure.kind) {
    case 'server-exception':
      return classifyServerException(failure, context);
    case 'xmlrpc-fault':
      return classifyXmlRpcFault(failure.faultCode, failure.faultString, context);
    case 'http':
      return classifyHttpAnswer(failure, context);
    case 'thrown':
      return classifyThrown(failure.error, failure.timeoutMs, context);
  }
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * XML-RPC faults by code (odoo-verified.md): 1 = any other exception, faultString is the traceback
 * whose last line names the class; 2 = UserError family, class lost; 3 = AccessDenied; 4 = AccessError.
 */
function classifyXmlRpcFault(
  faultCode: number | string,
  faultString: string,
  context: FailureContext,
): OdooError {
  if (typeof faultCode === 'string') return classifyLegacyFault(faultCode, faultString, context);
  if (faultCode === 3) {
    return classifyServerException(
      { name: 'odoo.exceptions.AccessDenied', message: faultString, faultCode },
      context,
    );
  }
  if (faultCode === 4) {
    return classifyServerException(
      { name: 'odoo.exceptions.AccessError', message: faultString, faultCode },
      context,
    );
  }
  if (faultCode === 2) {
    // Code 2 hides whether it was a UserError or a ValidationError (both mean "fix the data");
    // only MissingError's fixed text tells it apart.
    const name = MISSING_RECORD_TEXT.test(faultString)
      ? 'odoo.exceptions.MissingError'
      : 'odoo.exceptions.UserError';
    return classifyServerException({ name, message: faultString, faultCode }, context);
  }
  const lastLine = lastTracebackLine(faultString);
  if (NONE_MARSHAL_TEXT.test(faultString)) {
    // Odoo commits before marshalling the answer, so the change probably went through: no retry.
    return new OdooUnexpectedResponseError(
      `${describeCall(context)} probably succeeded, but Odoo could not send its None result over XML-RPC; check the record and prefer JSON-RPC.`,
      {
        details: buildDetails(context, {
          faultCode,
          serverMessage: trimServerMessage(lastLine.message, context.redact),
        }),
      },
    );
  }
  return classifyServerException(
    { name: lastLine.name, message: lastLine.message, faultCode },
    context,
  );
}

/** `/xmlrpc/` (no `/2`) sends codes like "warning -- MissingError <message>". */
function classifyLegacyFault(
  code: string,
  faultString: string,
  context: FailureContext,
): OdooError {
  const name = /(\w+Error|AccessDenied|\w+Warning)/.exec(code)?.[1];
  const message = faultString || code.replace(/^warning -- \w+\s*/, '');
  return classifyServerException({ name, message, faultCode: code }, context);
}

/** The "module.Class: message" line that ends a Python traceback. */
function lastTracebackLine(traceback: string): { name: string | undefined; message: string } {
  const lines = traceback
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const last = lines[lines.length - 1] ?? '';
  const match = /^([A-Za-z_][\w.]*)(?::\s*(.*))?$/.exec(last);
  if (match === null) return { name: undefined, message: last };
  return { name: match[1], message: match[2] ?? '' };
}

function classifyHttpAnswer(
  failure: Extract<RawFailure, { kind: 'http' }>,
  context: FailureContext,
): OdooError {
  const { status } = failure;
  const looksHtml = /html/i.test(failure.contentType ?? '') || /^\s*</.test(failure.bodyText);
  const bodyKind = looksHtml ? 'an HTML page' : 'a body that is not JSON';
  const details = buildDetails(context, {
    httpStatus: status,
    serverMessage: trimServerMessage(
      looksHtml ? htmlTitle(failure.bodyText) : failure.bodyText,
      context.redact,
    ),
  });
  const retryAfterMs = parseRetryAfter(failure.retryAfter, Date.now());
  if (status === 401) {
    return new OdooAuthError(
      'Odoo rejected the credentials: check ODOO_LOGIN and ODOO_PASSWORD or ODOO_API_KEY.',
      { details },
    );
  }
  if (status === 403) {
    return new OdooAccessDeniedError(`Odoo refused ${describeCall(context)} with HTTP 403.`, {
      details,
    });
  }
  if (status === 404) {
    return new OdooTransportError(
      `Odoo answered 404 with ${bodyKind}: the database in ODOO_DB does not exist on this server or ODOO_URL points at the wrong place; check ODOO_DB and ODOO_URL.`,
      { details, retryable: false },
    );
  }
  if (status === 400 || status === 413 || status === 415) {
    return new OdooBadRequestError(
      `Odoo could not read the request for ${describeCall(context)} (HTTP ${status}).`,
      { details },
    );
  }
  const retryable = RETRYABLE_STATUSES.has(status) || (status >= 200 && status < 300);
  const what =
    status >= 200 && status < 300
      ? `${bodyKind} instead of an RPC answer`
      : `HTTP ${status} with ${bodyKind}`;
  return new OdooTransportError(
    `Odoo (or a proxy in front of it) answered ${what} for ${describeCall(context)}; check ODOO_URL if this persists.`,
    { details, retryable, retryAfterMs },
  );
}

function htmlTitle(body: string): string {
  return /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim() ?? 'HTML page';
}

function classifyThrown(error: unknown, timeoutMs: number, context: FailureContext): OdooError {
  if (isOdooError(error)) return error;
  // Duck-typed: DOMException and errors from other realms (test VMs) fail `instanceof Error`.
  const name = propertyOf(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new OdooTimeoutError(
      `${describeCall(context)} got no answer from Odoo${context.server === undefined ? '' : ` at ${context.server}`} within ${timeoutMs} ms.`,
      { details: buildDetails(context, { timeoutMs }) },
    );
  }
  const socketCode = socketErrorCode(error);
  const message = propertyOf(error, 'message') ?? String(error);
  return new OdooTransportError(
    `Could not reach Odoo${context.server === undefined ? '' : ` at ${context.server}`} for ${describeCall(context)} (${socketCode ?? message}): check ODOO_URL and the network.`,
    {
      details: buildDetails(context, {
        errorCode: socketCode,
        serverMessage: trimServerMessage(message, context.redact),
      }),
      retryable: socketCode === undefined || RETRYABLE_SOCKET_CODES.has(socketCode),
    },
  );
}

/** The errno-style code of a socket error, looking through fetch's `cause` chain. */
function socketErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function propertyOf(value: unknown, key: 'name' | 'message'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const property = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}
