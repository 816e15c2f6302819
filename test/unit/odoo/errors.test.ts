import * as catalog from '../../../src/odoo/errors';
import { ODOO_ERROR_CODES, OdooError, OdooTransportError } from '../../../src/odoo/errors';

type ErrorClass = new (message: string, options?: { retryable: boolean }) => OdooError;

const classes: ErrorClass[] = Object.values(catalog as Record<string, unknown>).filter(
  (value): value is ErrorClass =>
    typeof value === 'function' && (value as { prototype: unknown }).prototype instanceof OdooError,
);

describe('Odoo error catalog', () => {
  it('has exactly one class per code', () => {
    const codes = classes
      .map((ErrorClass) => new ErrorClass('x', { retryable: false }).code)
      .sort();
    expect(codes).toEqual([...ODOO_ERROR_CODES].sort());
  });

  const retryable: Readonly<Record<string, boolean>> = {
    ODOO_AUTH_FAILED: false,
    ODOO_LOGIN_COOLDOWN: false,
    ODOO_ACCESS_DENIED: false,
    ODOO_VALIDATION: false,
    ODOO_USER_ERROR: false,
    ODOO_MISSING_RECORD: false,
    ODOO_UNKNOWN_MODEL: false,
    ODOO_UNKNOWN_METHOD: false,
    ODOO_BAD_REQUEST: false,
    ODOO_CONCURRENT_UPDATE: true,
    ODOO_SESSION_EXPIRED: true,
    ODOO_SERVER_ERROR: false,
    ODOO_TIMEOUT: true,
    ODOO_UNEXPECTED_RESPONSE: false,
    ODOO_PROTOCOL_UNAVAILABLE: false,
  };

  it.each(
    classes
      .filter((ErrorClass) => ErrorClass !== OdooTransportError)
      .map((ErrorClass) => [ErrorClass.name, ErrorClass] as const),
  )('%s has the documented retryable flag whatever the caller passes', (_name, ErrorClass) => {
    const error = new ErrorClass('x', { retryable: true });
    expect(error.retryable).toBe(retryable[error.code]);
  });

  it('lets the transport error carry its own retryable flag and Retry-After', () => {
    expect(new OdooTransportError('x', { retryable: false }).retryable).toBe(false);
    expect(new OdooTransportError('x', { retryable: true, retryAfterMs: 5 })).toMatchObject({
      retryable: true,
      retryAfterMs: 5,
    });
  });

  it('serialises by allow-list: no cause, no stack', () => {
    const error = new catalog.OdooValidationError('Odoo refused res.partner.write: bad', {
      details: { model: 'res.partner' },
      cause: new Error('request body with a password'),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'OdooValidationError',
      code: 'ODOO_VALIDATION',
      retryable: false,
      message: 'Odoo refused res.partner.write: bad',
      details: { model: 'res.partner' },
    });
  });
});
