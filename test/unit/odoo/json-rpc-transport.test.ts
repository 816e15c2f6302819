import nock from 'nock';
import { JsonRpcTransport } from '../../../src/odoo/transports/json-rpc';
import type { OdooError } from '../../../src/odoo/errors';
import {
  ODOO_URL,
  PASSWORD,
  jsonRpcError,
  jsonRpcResult,
  settingsFor,
  useNock,
} from './transport-fixtures';

useNock();

const searchRead = {
  model: 'helpdesk.ticket',
  method: 'search_read',
  args: [[['id', '>', 0]]],
  kwargs: { fields: ['name'], limit: 2, context: { tz: 'UTC' } },
};

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  try {
    await promise;
  } catch (error) {
    return error as OdooError;
  }
  throw new Error('expected the call to fail');
}

describe('JsonRpcTransport request shape', () => {
  it('authenticates with common.authenticate and sends execute_kw with db, uid and secret', async () => {
    const bodies: unknown[] = [];
    nock(ODOO_URL)
      .post('/jsonrpc', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .reply(200, jsonRpcResult(7))
      .post('/jsonrpc', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, jsonRpcResult([{ id: 1, name: 'VPN down' }]));

    const transport = new JsonRpcTransport({ settings: settingsFor() });
    expect(await transport.authenticate()).toBe(7);
    expect(await transport.executeKw(searchRead)).toEqual([{ id: 1, name: 'VPN down' }]);

    expect(bodies[0]).toEqual({
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      params: {
        service: 'common',
        method: 'authenticate',
        args: ['tally', 'bot@example.com', PASSWORD, {}],
      },
    });
    expect(bodies[1]).toEqual({
      jsonrpc: '2.0',
      method: 'call',
      id: 2,
      params: {
        service: 'object',
        method: 'execute_kw',
        args: [
          'tally',
          7,
          PASSWORD,
          'helpdesk.ticket',
          'search_read',
          searchRead.args,
          searchRead.kwargs,
        ],
      },
    });
  });

  it('sends dates as Odoo UTC strings and drops undefined keys', async () => {
    let sent: unknown;
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(7));
    nock(ODOO_URL)
      .post('/jsonrpc', (body: { params: { args: unknown[] } }) => {
        sent = body.params.args[5];
        return true;
      })
      .reply(200, jsonRpcResult(true));
    const transport = new JsonRpcTransport({ settings: settingsFor() });
    await transport.executeKw({
      model: 'account.analytic.line',
      method: 'write',
      args: [
        [1],
        { date_time: new Date('2024-05-02T08:14:03.500Z'), name: undefined, unit_amount: 1.5 },
      ],
      kwargs: {},
    });
    expect(sent).toEqual([[1], { date_time: '2024-05-02 08:14:03', unit_amount: 1.5 }]);
  });

  it('reads the version from common.version', async () => {
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(
        200,
        jsonRpcResult({
          server_version: '17.0',
          server_version_info: [17, 0, 0, 'final', 0, ''],
          server_serie: '17.0',
          protocol_version: 1,
        }),
      );
    const transport = new JsonRpcTransport({ settings: settingsFor() });
    expect(await transport.version()).toEqual({ major: 17, minor: 0, label: '17.0' });
  });

  it('turns a false uid into ODOO_AUTH_FAILED naming ODOO_LOGIN', async () => {
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(false));
    const error = await failureOf(new JsonRpcTransport({ settings: settingsFor() }).authenticate());
    expect(error.code).toBe('ODOO_AUTH_FAILED');
    expect(error.retryable).toBe(false);
    expect(error.userMessage).toContain('ODOO_LOGIN');
  });
});

describe('JsonRpcTransport error mapping (odoo-verified.md JSON-RPC table)', () => {
  const rows: readonly [string, string, string, string, boolean][] = [
    [
      'wrong password in execute_kw',
      'odoo.exceptions.AccessDenied',
      'Access Denied',
      'ODOO_AUTH_FAILED',
      false,
    ],
    [
      'login cooldown',
      'odoo.exceptions.AccessDenied',
      'Too many login failures, please wait a bit before trying again.',
      'ODOO_LOGIN_COOLDOWN',
      false,
    ],
    [
      'constraint',
      'odoo.exceptions.ValidationError',
      'You cannot create recursive companies.',
      'ODOO_VALIDATION',
      false,
    ],
    [
      'user error',
      'odoo.exceptions.UserError',
      'You need to add a line before posting.',
      'ODOO_USER_ERROR',
      false,
    ],
    [
      'unknown model',
      'odoo.exceptions.UserError',
      "Object no.such.model doesn't exist",
      'ODOO_UNKNOWN_MODEL',
      false,
    ],
    [
      'missing record',
      'odoo.exceptions.MissingError',
      'Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)',
      'ODOO_MISSING_RECORD',
      false,
    ],
    [
      'ACL',
      'odoo.exceptions.AccessError',
      "You are not allowed to access 'Journal Entry' (account.move) records.",
      'ODOO_ACCESS_DENIED',
      false,
    ],
    [
      'private method',
      'odoo.exceptions.AccessError',
      'Private methods (such as _compute_display_name) cannot be called remotely.',
      'ODOO_ACCESS_DENIED',
      false,
    ],
    [
      'unknown method',
      'builtins.AttributeError',
      "The method 'no_such_method' does not exist on the model 'res.partner'",
      'ODOO_UNKNOWN_METHOD',
      false,
    ],
    [
      'unknown field in a filter',
      'builtins.ValueError',
      "Invalid field helpdesk.ticket.no_such_field in leaf ('no_such_field', '=', 1)",
      'ODOO_BAD_REQUEST',
      false,
    ],
    ['unknown service', 'builtins.KeyError', 'nope', 'ODOO_BAD_REQUEST', false],
    [
      'bad argument',
      'builtins.TypeError',
      "search_read() got an unexpected keyword argument 'domian'",
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'unknown database',
      'psycopg2.OperationalError',
      'connection to server at "db" failed: FATAL:  database "nope" does not exist',
      'ODOO_TRANSPORT',
      false,
    ],
    [
      'serialization failure',
      'psycopg2.errors.SerializationFailure',
      'could not serialize access due to concurrent update',
      'ODOO_CONCURRENT_UPDATE',
      true,
    ],
    [
      'lock not available',
      'psycopg2.errors.LockNotAvailable',
      'could not obtain lock on row',
      'ODOO_CONCURRENT_UPDATE',
      true,
    ],
    [
      'deadlock',
      'psycopg2.errors.DeadlockDetected',
      'deadlock detected',
      'ODOO_CONCURRENT_UPDATE',
      true,
    ],
    [
      'unclassified bug',
      'builtins.ZeroDivisionError',
      'division by zero',
      'ODOO_SERVER_ERROR',
      false,
    ],
  ];

  it.each(rows)('%s → %s / %s', async (_case, name, message, code, retryable) => {
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(2));
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcError(name, message));
    const error = await failureOf(
      new JsonRpcTransport({ settings: settingsFor() }).executeKw(searchRead),
    );
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.details['serverName']).toBe(name);
    expect(error.details['model']).toBe('helpdesk.ticket');
    expect(error.userMessage).not.toContain('Traceback');
  });

  it('maps the 19 envelope (code 0) by data.name, not by code', async () => {
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(2));
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(
        200,
        jsonRpcError(
          'odoo.exceptions.MissingError',
          'Record does not exist or has been deleted.',
          0,
        ),
      );
    const error = await failureOf(
      new JsonRpcTransport({ settings: settingsFor() }).executeKw(searchRead),
    );
    expect(error.code).toBe('ODOO_MISSING_RECORD');
  });

  it('maps code 100 to ODOO_SESSION_EXPIRED (retryable)', async () => {
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(2));
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(200, {
        jsonrpc: '2.0',
        id: 1,
        error: {
          code: 100,
          message: 'Odoo Session Expired',
          data: { name: 'odoo.http.SessionExpiredException', message: 'Session expired' },
        },
      });
    const error = await failureOf(
      new JsonRpcTransport({ settings: settingsFor() }).executeKw(searchRead),
    );
    expect(error.code).toBe('ODOO_SESSION_EXPIRED');
    expect(error.retryable).toBe(true);
  });

  it('names the model and the likely missing group on an access error', async () => {
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(2));
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(
        200,
        jsonRpcError(
          'odoo.exceptions.AccessError',
          "You are not allowed to access 'Journal Entry' (account.move) records.",
        ),
      );
    const error = await failureOf(
      new JsonRpcTransport({ settings: settingsFor() }).executeKw(searchRead),
    );
    expect(error.userMessage).toContain('account.move');
    expect(error.userMessage).toContain('Invoicing');
  });
});

describe('JsonRpcTransport transport failures', () => {
  async function failingCall(
    setUp: (scope: nock.Scope) => void,
    timeoutMs = 2000,
  ): Promise<OdooError> {
    nock(ODOO_URL).post('/jsonrpc').reply(200, jsonRpcResult(2));
    setUp(nock(ODOO_URL));
    return failureOf(
      new JsonRpcTransport({ settings: settingsFor({ timeoutMs }) }).executeKw(searchRead),
    );
  }

  it('turns a proxy HTML 502 page into a retryable ODOO_TRANSPORT', async () => {
    const error = await failingCall((scope) =>
      scope
        .post('/jsonrpc')
        .reply(502, '<html><head><title>502 Bad Gateway</title></head></html>', {
          'Content-Type': 'text/html',
        }),
    );
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(true);
    expect(error.details['httpStatus']).toBe(502);
    expect(error.details['serverMessage']).toBe('502 Bad Gateway');
  });

  it('turns a non-JSON 200 body into a retryable ODOO_TRANSPORT', async () => {
    const error = await failingCall((scope) =>
      scope.post('/jsonrpc').reply(200, 'upstream says hi', { 'Content-Type': 'text/plain' }),
    );
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(true);
    expect(error.userMessage).toContain('not JSON');
  });

  it('turns a 404 HTML page into a non-retryable ODOO_TRANSPORT naming ODOO_DB', async () => {
    const error = await failingCall((scope) =>
      scope
        .post('/jsonrpc')
        .reply(404, '<html><title>404: Not Found</title></html>', { 'Content-Type': 'text/html' }),
    );
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(false);
    expect(error.userMessage).toContain('ODOO_DB');
  });

  it('keeps Retry-After of a 429', async () => {
    const error = await failingCall((scope) =>
      scope.post('/jsonrpc').reply(429, 'slow down', { 'Retry-After': '3' }),
    );
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 3000 });
  });

  it('turns a connection reset into a retryable ODOO_TRANSPORT', async () => {
    const error = await failingCall((scope) =>
      scope.post('/jsonrpc').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }),
    );
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(true);
    expect(error.details['errorCode']).toBe('ECONNRESET');
  });

  it('turns a slow answer into ODOO_TIMEOUT', async () => {
    const error = await failingCall(
      (scope) => scope.post('/jsonrpc').delay(500).reply(200, jsonRpcResult([])),
      50,
    );
    expect(error.code).toBe('ODOO_TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(error.details['timeoutMs']).toBe(50);
  });
});
