import { XmlRpcTransport } from '../../../src/odoo/transports/xml-rpc';
import type { OdooError } from '../../../src/odoo/errors';
import { ScriptedServer, type ScriptedAnswer } from './scripted-server';
import { PASSWORD, settingsFor, xmlFault, xmlResponse } from './transport-fixtures';

const XML = { 'Content-Type': 'text/xml' };
let server: ScriptedServer;

beforeEach(async () => {
  server = new ScriptedServer();
  await server.start();
});
afterEach(async () => {
  await server.stop();
});

function xml(value: unknown): { headers: Record<string, string>; body: string } {
  return { headers: XML, body: xmlResponse(value) };
}

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  try {
    await promise;
  } catch (error) {
    return error as OdooError;
  }
  throw new Error('expected the call to fail');
}

function connected(timeoutMs = 2000): XmlRpcTransport {
  server.answer(xml(2));
  return new XmlRpcTransport({ settings: settingsFor({ url: server.url, timeoutMs }) });
}

describe('XmlRpcTransport request shape', () => {
  it('sends execute_kw with db, uid, secret, model, method, args and kwargs (undefined stripped)', async () => {
    const transport = connected();
    server.answer(xml([{ id: 5, partner_id: [3, 'Acme'], email: false }]));
    expect(await transport.authenticate()).toBe(2);
    const rows = await transport.executeKw({
      model: 'res.partner',
      method: 'search_read',
      args: [[['id', '=', 5]]],
      kwargs: { fields: ['partner_id', 'email'], limit: undefined, context: { tz: 'UTC' } },
    });
    expect(rows).toEqual([{ id: 5, partner_id: [3, 'Acme'], email: false }]);
    const body = server.received[1]!.body;
    expect(server.received[1]!.path).toBe('/xmlrpc/2/object');
    expect(body).toContain('<methodName>execute_kw</methodName>');
    expect(body).toContain('<string>tally</string>');
    expect(body).toContain('<int>2</int>');
    expect(body).toContain(`<string>${PASSWORD}</string>`);
    expect(body).toContain('<string>res.partner</string>');
    expect(body).toContain('<name>fields</name>');
    expect(body).not.toContain('<name>limit</name>');
  });

  it('sends a Date as an Odoo UTC string, never as dateTime.iso8601', async () => {
    const transport = connected();
    server.answer(xml(true));
    await transport.authenticate();
    await transport.executeKw({
      model: 'account.analytic.line',
      method: 'write',
      args: [[1], { date_time: new Date('2024-05-02T08:14:03Z') }],
      kwargs: {},
    });
    const body = server.received[1]!.body;
    expect(body).toContain('<string>2024-05-02 08:14:03</string>');
    expect(body).not.toContain('dateTime');
  });

  it('reads the version from common.version', async () => {
    server.answer(xml({ server_version: '16.0', server_version_info: [16, 0, 0, 'final', 0, ''] }));
    const transport = new XmlRpcTransport({ settings: settingsFor({ url: server.url }) });
    expect(await transport.version()).toEqual({ major: 16, minor: 0, label: '16.0' });
    expect(server.received[0]!.body).toContain('<methodName>version</methodName>');
  });

  it("maps a false uid (odoo-xmlrpc's untyped object) to ODOO_AUTH_FAILED", async () => {
    server.answer(xml(false));
    const error = await failureOf(
      new XmlRpcTransport({ settings: settingsFor({ url: server.url }) }).authenticate(),
    );
    expect(error.code).toBe('ODOO_AUTH_FAILED');
    expect(error.userMessage).toContain('ODOO_LOGIN');
  });
});

describe('XmlRpcTransport fault mapping (odoo-verified.md XML-RPC)', () => {
  const traceback = (last: string): string =>
    `Traceback (most recent call last):\n  File "odoo/service/model.py", line 1\n${last}\n`;
  const rows: readonly [string, number, string, string, boolean][] = [
    ['AccessDenied', 3, 'Access Denied', 'ODOO_AUTH_FAILED', false],
    [
      'cooldown',
      3,
      'Too many login failures, please wait a bit before trying again.',
      'ODOO_LOGIN_COOLDOWN',
      false,
    ],
    [
      'AccessError',
      4,
      "You are not allowed to access 'Journal Entry' (account.move) records.",
      'ODOO_ACCESS_DENIED',
      false,
    ],
    [
      'MissingError behind code 2',
      2,
      'Record does not exist or has been deleted.\n(Record: res.partner(9,), User: 2)',
      'ODOO_MISSING_RECORD',
      false,
    ],
    [
      'UserError/ValidationError behind code 2',
      2,
      'The operation cannot be completed',
      'ODOO_USER_ERROR',
      false,
    ],
    [
      'unknown model behind code 2',
      2,
      "Object no.such.model doesn't exist",
      'ODOO_UNKNOWN_MODEL',
      false,
    ],
    [
      'serialization failure in a traceback',
      1,
      traceback(
        'psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update',
      ),
      'ODOO_CONCURRENT_UPDATE',
      true,
    ],
    [
      'bad field in a traceback',
      1,
      traceback("ValueError: Invalid field res.partner.nope in leaf ('nope', '=', 1)"),
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'unknown method in a traceback',
      1,
      traceback("AttributeError: The method 'nope' does not exist on the model 'res.partner'"),
      'ODOO_UNKNOWN_METHOD',
      false,
    ],
    [
      'None marshal after a write',
      1,
      traceback('TypeError: cannot marshal None unless allow_none is enabled'),
      'ODOO_UNEXPECTED_RESPONSE',
      false,
    ],
  ];

  it.each(rows)('%s (fault %i) → %s', async (_case, faultCode, faultString, code, retryable) => {
    const transport = connected();
    server.answer({ headers: XML, body: xmlFault(faultCode, faultString) });
    await transport.authenticate();
    const error = await failureOf(
      transport.executeKw({
        model: 'res.partner',
        method: 'write',
        args: [[9], { name: 'x' }],
        kwargs: {},
      }),
    );
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.details['faultCode']).toBe(faultCode);
    expect(error.userMessage).not.toContain('Traceback');
  });
});

describe('XmlRpcTransport transport failures', () => {
  async function failing(answer: ScriptedAnswer, timeoutMs = 2000): Promise<OdooError> {
    const transport = connected(timeoutMs);
    await transport.authenticate();
    server.answer(answer);
    return failureOf(
      transport.executeKw({ model: 'res.partner', method: 'search', args: [[]], kwargs: {} }),
    );
  }

  it('turns an HTML 502 page (Unknown XML-RPC tag) into a retryable ODOO_TRANSPORT', async () => {
    const error = await failing({
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<html><head><title>502 Bad Gateway</title></head><body></body></html>',
    });
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(true);
    expect(error.details['httpStatus']).toBe(502);
  });

  it('turns a 404 into a non-retryable ODOO_TRANSPORT naming ODOO_DB', async () => {
    const error = await failing({ status: 404, body: 'Not Found' });
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(false);
    expect(error.userMessage).toContain('ODOO_DB');
  });

  it('turns a connection reset into a retryable ODOO_TRANSPORT', async () => {
    const error = await failing({ reset: true });
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(true);
  });

  it('races the call against the timeout, as odoo-xmlrpc has none', async () => {
    // The login keeps the usual 2 s a busy machine needs; the call's answer never comes in time.
    const error = await failing({ ...xml([]), delayMs: 60_000 }, 2000);
    expect(error.code).toBe('ODOO_TIMEOUT');
    expect(error.retryable).toBe(true);
  });
});
