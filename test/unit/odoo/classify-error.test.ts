import { classifyFailure, parseRetryAfter } from '../../../src/odoo/transports/classify-error';
import type { FailureContext } from '../../../src/odoo/transports/failure-context';

const context: FailureContext = {
  transport: 'xmlrpc',
  model: 'res.partner',
  method: 'write',
  redact: (text) => text,
};

describe('classifyFailure odds and ends', () => {
  it.each([
    [
      'warning -- MissingError',
      'Record does not exist or has been deleted.',
      'ODOO_MISSING_RECORD',
    ],
    ['warning -- UserError', 'Nothing to post', 'ODOO_USER_ERROR'],
    ['AccessDenied', '', 'ODOO_AUTH_FAILED'],
  ])('maps the legacy /xmlrpc/ string code %p', (faultCode, faultString, code) => {
    expect(classifyFailure({ kind: 'xmlrpc-fault', faultCode, faultString }, context).code).toBe(
      code,
    );
  });

  it('keeps only the first line of a long server message, cut to a readable length', () => {
    const error = classifyFailure(
      {
        kind: 'server-exception',
        name: 'odoo.exceptions.UserError',
        message: `${'x'.repeat(500)}\nsecond line`,
      },
      context,
    );
    expect(String(error.details['serverMessage'])).toHaveLength(300);
    expect(error.userMessage).not.toContain('second line');
  });

  it('redacts through the context before keeping server text', () => {
    const error = classifyFailure(
      { kind: 'server-exception', name: 'builtins.TypeError', message: 'bad args hunter22' },
      { ...context, redact: (text) => text.replace('hunter22', '[redacted]') },
    );
    expect(JSON.stringify(error)).not.toContain('hunter22');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['5', 5000],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%p → %p ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
