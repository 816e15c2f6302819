import { TallyError } from '../shared/errors';

/** The server-side exception classes the emulator raises, named as Odoo's clients see them. */
export type OdooExceptionKind =
  | 'AccessDenied'
  | 'AccessError'
  | 'UserError'
  | 'ValidationError'
  | 'MissingError'
  | 'RedirectWarning'
  | 'ValueError'
  | 'KeyError'
  | 'TypeError'
  | 'AttributeError'
  | 'OverflowError'
  | 'OperationalError'
  | 'SerializationFailure'
  | 'SessionExpired'
  | 'NotFound'
  | 'Unauthorized'
  | 'UnprocessableEntity'
  | 'BadRequest';

const CLASS_PATHS: Record<OdooExceptionKind, string> = {
  AccessDenied: 'odoo.exceptions.AccessDenied',
  AccessError: 'odoo.exceptions.AccessError',
  UserError: 'odoo.exceptions.UserError',
  ValidationError: 'odoo.exceptions.ValidationError',
  MissingError: 'odoo.exceptions.MissingError',
  RedirectWarning: 'odoo.exceptions.RedirectWarning',
  ValueError: 'builtins.ValueError',
  KeyError: 'builtins.KeyError',
  TypeError: 'builtins.TypeError',
  AttributeError: 'builtins.AttributeError',
  OverflowError: 'builtins.OverflowError',
  OperationalError: 'psycopg2.OperationalError',
  SerializationFailure: 'psycopg2.errors.SerializationFailure',
  SessionExpired: 'odoo.http.SessionExpiredException',
  NotFound: 'werkzeug.exceptions.NotFound',
  Unauthorized: 'werkzeug.exceptions.Unauthorized',
  UnprocessableEntity: 'werkzeug.exceptions.UnprocessableEntity',
  BadRequest: 'werkzeug.exceptions.BadRequest',
};

/** HTTP status Odoo 19's JSON-2 endpoint gives each exception class (odoo-verified.md). */
const JSON2_STATUS: Partial<Record<OdooExceptionKind, number>> = {
  AccessDenied: 403,
  AccessError: 403,
  MissingError: 404,
  UserError: 422,
  ValidationError: 422,
  RedirectWarning: 422,
  NotFound: 404,
  Unauthorized: 401,
  UnprocessableEntity: 422,
  BadRequest: 400,
};

/** An exception raised "inside Odoo"; protocols turn it into their own error shape. */
export class OdooException extends TallyError {
  readonly code = 'SANDBOX_ODOO_EXCEPTION';

  constructor(
    readonly kind: OdooExceptionKind,
    readonly odooMessage: string,
  ) {
    super(odooMessage);
  }

  /** `module.ClassName`, as JSON-RPC `data.name` shows it. */
  get classPath(): string {
    return CLASS_PATHS[this.kind];
  }

  /** The name on a Python traceback's last line (`ValueError`, `odoo.exceptions.UserError`). */
  get tracebackName(): string {
    const path = CLASS_PATHS[this.kind];
    return path.startsWith('builtins.') ? path.slice('builtins.'.length) : path;
  }

  /** XML-RPC `/xmlrpc/2` integer fault code (odoo/addons/base/controllers/rpc.py). */
  get xmlRpcFaultCode(): number {
    if (this.kind === 'AccessError') return 4;
    if (this.kind === 'AccessDenied') return 3;
    if (['UserError', 'ValidationError', 'MissingError', 'RedirectWarning'].includes(this.kind)) {
      return 2;
    }
    return 1;
  }

  get json2Status(): number {
    return JSON2_STATUS[this.kind] ?? 500;
  }
}

/** Errors in how the sandbox itself is configured or seeded (not Odoo behaviour). */
export class SandboxConfigError extends TallyError {
  readonly code = 'SANDBOX_CONFIG_INVALID';
}

export const userError = (message: string): OdooException =>
  new OdooException('UserError', message);
export const validationError = (message: string): OdooException =>
  new OdooException('ValidationError', message);
