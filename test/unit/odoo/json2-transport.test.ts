import nock from 'nock';
import { Json2Transport } from '../../../src/odoo/transports/json2';
import { toJson2Body } from '../../../src/odoo/transports/json2-arguments';
import type { OdooError } from '../../../src/odoo/errors';
import { API_KEY, ODOO_URL, settingsFor, useNock } from './transport-fixtures';

useNock();

const json2 = (): Json2Transport =>
  new Json2Transport({ settings: settingsFor({ secret: API_KEY, secretKind: 'apiKey' }) });

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  try {
    await promise;
  } catch (error) {
    return error as OdooError;
  }
  throw new Error('expected the call to fail');
}

describe('JSON-2 named arguments', () => {
  const rows: readonly [string, unknown[], Record<string, unknown>, Record<string, unknown>][] = [
    [
      'search_read',
      [[['id', '>', 3]], ['name'], 0, 10, 'id asc'],
      { context: { tz: 'UTC' } },
      {
        domain: [['id', '>', 3]],
        fields: ['name'],
        offset: 0,
        limit: 10,
        order: 'id asc',
        context: { tz: 'UTC' },
      },
    ],
    ['search', [[]], { limit: 5 }, { domain: [], limit: 5 }],
    ['search_count', [[['active', '=', true]]], {}, { domain: [['active', '=', true]] }],
    ['read', [[1, 2], ['name']], {}, { ids: [1, 2], fields: ['name'] }],
    ['create', [[{ name: 'a' }, { name: 'b' }]], {}, { vals_list: [{ name: 'a' }, { name: 'b' }] }],
    ['write', [[4], { name: 'x' }], {}, { ids: [4], vals: { name: 'x' } }],
    ['unlink', [[4]], {}, { ids: [4] }],
    ['fields_get', [], { attributes: ['type'] }, { attributes: ['type'] }],
    [
      'name_search',
      ['Acme'],
      { args: [['is_company', '=', true]], limit: 5 },
      { name: 'Acme', domain: [['is_company', '=', true]], limit: 5 },
    ],
    [
      'action_post',
      [[9]],
      { context: { lang: 'sv_SE' } },
      { ids: [9], context: { lang: 'sv_SE' } },
    ],
    ['message_post', [[9]], { body: 'hi' }, { ids: [9], body: 'hi' }],
  ];

  it.each(rows)('%s', (method, args, kwargs, expected) => {
    expect(toJson2Body({ model: 'res.partner', method, args, kwargs }).body).toEqual(expected);
  });

  it('refuses extra positional arguments of unknown methods instead of guessing names', () => {
    expect(() =>
      toJson2Body({ model: 'res.partner', method: 'frobnicate', args: [[1], 'x'], kwargs: {} }),
    ).toThrow(expect.objectContaining({ code: 'ODOO_BAD_REQUEST' }));
  });
});

describe('Json2Transport request shape', () => {
  it('posts named arguments with the bearer key and the database header', async () => {
    nock(ODOO_URL)
      .post('/json/2/account.analytic.line/search_read', {
        domain: [['id', '>', 0]],
        fields: ['name'],
        limit: 2,
        context: { tz: 'UTC' },
      })
      .matchHeader('authorization', `bearer ${API_KEY}`)
      .matchHeader('x-odoo-database', 'tally')
      .matchHeader('content-type', /application\/json/)
      .reply(200, [{ id: 1, name: '/' }]);
    const rows = await json2().executeKw({
      model: 'account.analytic.line',
      method: 'search_read',
      args: [[['id', '>', 0]]],
      kwargs: { fields: ['name'], limit: 2, context: { tz: 'UTC' } },
    });
    expect(rows).toEqual([{ id: 1, name: '/' }]);
  });

  it('answers create with one dict as one id, like classic RPC', async () => {
    nock(ODOO_URL)
      .post('/json/2/res.partner/create', { vals_list: [{ name: 'a' }] })
      .reply(200, [42]);
    expect(
      await json2().executeKw({
        model: 'res.partner',
        method: 'create',
        args: [{ name: 'a' }],
        kwargs: {},
      }),
    ).toBe(42);
  });

  it('keeps create with a list as a list', async () => {
    nock(ODOO_URL).post('/json/2/res.partner/create').reply(200, [42, 43]);
    expect(
      await json2().executeKw({
        model: 'res.partner',
        method: 'create',
        args: [[{ name: 'a' }, { name: 'b' }]],
        kwargs: {},
      }),
    ).toEqual([42, 43]);
  });

  it('authenticates through res.users/context_get', async () => {
    nock(ODOO_URL)
      .post('/json/2/res.users/context_get')
      .reply(200, { lang: 'en_US', tz: 'UTC', uid: 6 });
    expect(await json2().authenticate()).toBe(6);
  });

  it('reads the version from GET /web/version', async () => {
    nock(ODOO_URL)
      .get('/web/version')
      .reply(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
    expect(await json2().version()).toEqual({ major: 19, minor: 0, label: '19.0' });
  });

  it('says JSON-2 is unavailable when /web/version is a 404 (Odoo < 19)', async () => {
    nock(ODOO_URL)
      .get('/web/version')
      .reply(404, '<html>Not Found</html>', { 'Content-Type': 'text/html' });
    const error = await failureOf(json2().version());
    expect(error.code).toBe('ODOO_PROTOCOL_UNAVAILABLE');
  });

  it('cannot be built with a password', () => {
    expect(() => new Json2Transport({ settings: settingsFor() })).toThrow(
      expect.objectContaining({ code: 'ODOO_PROTOCOL_UNAVAILABLE' }),
    );
  });
});

describe('Json2Transport error mapping (odoo-verified.md JSON-2 table)', () => {
  const rows: readonly [string, number, string, string, string, boolean][] = [
    [
      'wrong API key',
      401,
      'werkzeug.exceptions.Unauthorized',
      'Invalid apikey',
      'ODOO_AUTH_FAILED',
      false,
    ],
    [
      'no Authorization header',
      401,
      'werkzeug.exceptions.Unauthorized',
      'User not authenticated, use an API Key with a Bearer Authorization header.',
      'ODOO_AUTH_FAILED',
      false,
    ],
    [
      'write to a missing id',
      404,
      'odoo.exceptions.MissingError',
      'Record does not exist or has been deleted.',
      'ODOO_MISSING_RECORD',
      false,
    ],
    ['constraint', 422, 'odoo.exceptions.ValidationError', 'Recursion', 'ODOO_VALIDATION', false],
    [
      'user error',
      422,
      'odoo.exceptions.UserError',
      "Even magicians can't post nothing!",
      'ODOO_USER_ERROR',
      false,
    ],
    [
      'ACL',
      403,
      'odoo.exceptions.AccessError',
      "You are not allowed to access 'Journal Entry' (account.move) records.",
      'ODOO_ACCESS_DENIED',
      false,
    ],
    [
      'AccessDenied',
      403,
      'odoo.exceptions.AccessDenied',
      'Access Denied',
      'ODOO_AUTH_FAILED',
      false,
    ],
    [
      'unknown model',
      404,
      'werkzeug.exceptions.NotFound',
      "the model 'no.such.model' does not exist",
      'ODOO_UNKNOWN_MODEL',
      false,
    ],
    [
      'unknown method',
      404,
      'werkzeug.exceptions.NotFound',
      "The method 'res.partner.no_such_method' does not exist",
      'ODOO_UNKNOWN_METHOD',
      false,
    ],
    [
      'ids on an @api.model method',
      422,
      'werkzeug.exceptions.UnprocessableEntity',
      'cannot call res.partner.search_count with ids',
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'missing argument',
      422,
      'werkzeug.exceptions.UnprocessableEntity',
      "missing a required argument: 'domain'",
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'unknown kwarg',
      500,
      'builtins.TypeError',
      "search_read() got an unexpected keyword argument 'domian'",
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'unknown field in a filter',
      500,
      'builtins.ValueError',
      'Invalid field res.partner.no_such_field in condition',
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'malformed JSON',
      400,
      'werkzeug.exceptions.BadRequest',
      'could not parse the body as json',
      'ODOO_BAD_REQUEST',
      false,
    ],
    [
      'serialization failure',
      500,
      'psycopg2.errors.SerializationFailure',
      'could not serialize access due to concurrent update',
      'ODOO_CONCURRENT_UPDATE',
      true,
    ],
  ];

  it.each(rows)('%s (%i) → %s', async (_case, status, name, message, code, retryable) => {
    nock(ODOO_URL)
      .post('/json/2/res.partner/write')
      .reply(status, { name, message, arguments: [message], context: {}, debug: 'Traceback ...' });
    const error = await failureOf(
      json2().executeKw({
        model: 'res.partner',
        method: 'write',
        args: [[1], { name: 'x' }],
        kwargs: {},
      }),
    );
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.details['httpStatus']).toBe(status);
  });

  it('turns the 404 HTML page for an unknown database into a non-retryable error naming ODOO_DB', async () => {
    nock(ODOO_URL)
      .post('/json/2/res.partner/write')
      .reply(404, '<!doctype html><title>404 Not Found</title>', { 'Content-Type': 'text/html' });
    const error = await failureOf(
      json2().executeKw({ model: 'res.partner', method: 'write', args: [[1], {}], kwargs: {} }),
    );
    expect(error.code).toBe('ODOO_TRANSPORT');
    expect(error.retryable).toBe(false);
    expect(error.userMessage).toContain('ODOO_DB');
  });

  it('turns a 415 HTML page into ODOO_BAD_REQUEST', async () => {
    nock(ODOO_URL)
      .post('/json/2/res.partner/write')
      .reply(415, '<html>Unsupported Media Type</html>', { 'Content-Type': 'text/html' });
    const error = await failureOf(
      json2().executeKw({ model: 'res.partner', method: 'write', args: [[1], {}], kwargs: {} }),
    );
    expect(error.code).toBe('ODOO_BAD_REQUEST');
  });

  it('turns a 503 with Retry-After into a retryable ODOO_TRANSPORT', async () => {
    nock(ODOO_URL)
      .post('/json/2/res.partner/search')
      .reply(503, '<html>busy</html>', { 'Content-Type': 'text/html', 'Retry-After': '1' });
    const error = await failureOf(
      json2().executeKw({ model: 'res.partner', method: 'search', args: [[]], kwargs: {} }),
    );
    expect(error).toMatchObject({ code: 'ODOO_TRANSPORT', retryable: true, retryAfterMs: 1000 });
  });
});
