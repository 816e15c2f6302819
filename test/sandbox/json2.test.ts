import { useSandbox } from '../support/start-sandbox';
import type { Sandbox } from '../../src/sandbox';
import { jsonRpc } from './rpc-clients';

async function json2(
  s: Sandbox,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
  const response = await fetch(`${s.url}/json/2/${path}`, {
    method: 'POST',
    headers: {
      Authorization: `bearer ${s.apiKey}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, headers: response.headers, text };
}

describe('Odoo 19 JSON-2 API', () => {
  const sandbox = useSandbox({ odooVersion: 19, helpdesk: 'enterprise', seed: 'demo' });

  it('answers bare results: search_read, create (always a list), write, read of a missing id', async () => {
    const s = sandbox();
    const created = await json2(s, 'res.partner/create', { vals_list: [{ name: 'J2 AB' }] });
    expect(created).toMatchObject({ status: 200, body: [expect.any(Number)] });
    const single = await json2(s, 'res.partner/create', { vals_list: { name: 'J2 single' } });
    expect(single.body).toEqual([expect.any(Number)]);
    const id = (created.body as number[])[0];
    expect(
      (await json2(s, 'res.partner/write', { ids: [id], vals: { email: 'j2@example.com' } })).body,
    ).toBe(true);
    const found = await json2(s, 'res.partner/search_read', {
      domain: [['email', '=', 'j2@example.com']],
      fields: ['name'],
      limit: 5,
      order: 'id asc',
    });
    expect(found).toMatchObject({ status: 200, body: [{ id, name: 'J2 AB' }] });
    expect((await json2(s, 'res.partner/read', { ids: [999999], fields: ['name'] })).body).toEqual(
      [],
    );
    expect(found.headers.get('set-cookie')).toBeNull();
  });

  it.each<[string, string, unknown, number, string | undefined, string | undefined]>([
    [
      'missing record',
      'res.partner/write',
      { ids: [999999999], vals: { name: 'x' } },
      404,
      'odoo.exceptions.MissingError',
      undefined,
    ],
    [
      'user error',
      'account.move/action_post',
      'EMPTY_MOVE',
      422,
      'odoo.exceptions.UserError',
      "Even magicians can't post nothing!",
    ],
    [
      'private method',
      'res.partner/_compute_display_name',
      { ids: [1] },
      403,
      'odoo.exceptions.AccessError',
      "Private methods (such as 'res.partner._compute_display_name') cannot be called remotely.",
    ],
    [
      'unknown model',
      'no.such.model/search',
      { domain: [] },
      404,
      'werkzeug.exceptions.NotFound',
      "the model 'no.such.model' does not exist",
    ],
    [
      'unknown method',
      'res.partner/no_such_method',
      {},
      404,
      'werkzeug.exceptions.NotFound',
      "The method 'res.partner.no_such_method' does not exist",
    ],
    [
      'ids on @api.model',
      'res.partner/search_count',
      { ids: [1], domain: [] },
      422,
      'werkzeug.exceptions.UnprocessableEntity',
      'cannot call res.partner.search_count with ids',
    ],
    [
      'missing argument',
      'res.partner/search_count',
      { domian: [] },
      422,
      'werkzeug.exceptions.UnprocessableEntity',
      "missing a required argument: 'domain'",
    ],
    [
      'unknown kwarg with **kwargs',
      'res.partner/search_read',
      { domian: [] },
      500,
      'builtins.TypeError',
      undefined,
    ],
    [
      'unknown field in a domain',
      'res.partner/search',
      { domain: [['no_such_field', '=', 1]] },
      500,
      'builtins.ValueError',
      "Invalid field res.partner.no_such_field in condition ('no_such_field', '=', 1)",
    ],
    [
      'malformed JSON',
      'res.partner/search',
      '{"domain": ',
      400,
      'werkzeug.exceptions.BadRequest',
      undefined,
    ],
  ])('%s', async (_case, path, body, status, name, message) => {
    const s = sandbox();
    let payload = body;
    if (body === 'EMPTY_MOVE') {
      const move = (
        await json2(s, 'account.move/create', {
          vals_list: [{ move_type: 'out_invoice', partner_id: s.store.ref('acme') }],
        })
      ).body as number[];
      payload = { ids: move };
    }
    const response = await json2(s, path, payload);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({
      name,
      ...(message === undefined ? {} : { message }),
      arguments: expect.any(Array),
      context: {},
    });
    if (name === 'builtins.TypeError')
      expect((response.body as { message: string }).message).toContain(
        "got an unexpected keyword argument 'domian'",
      );
  });

  it('answers authentication, method, media-type and database problems like Odoo 19', async () => {
    const s = sandbox();
    const wrongKey = await json2(
      s,
      'res.partner/search',
      { domain: [] },
      { Authorization: 'Bearer nope' },
    );
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.headers.get('www-authenticate')).toBe('Bearer');
    expect(wrongKey.body).toMatchObject({
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'Invalid apikey',
    });
    const noAuth = await fetch(`${s.url}/json/2/res.partner/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"domain": []}',
    });
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toMatchObject({
      message: 'User not authenticated, use an API Key with a Bearer Authorization header.',
    });
    const get = await fetch(`${s.url}/json/2/res.partner/search`, {
      headers: { Authorization: `bearer ${s.apiKey}` },
    });
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({
      name: 'werkzeug.exceptions.NotFound',
      message: 'Did you mean POST /json/2/<model>/<method>?',
    });
    const form = await json2(s, 'res.partner/search', 'domain=[]', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.text).toContain('<title>415');
    const db = await json2(s, 'res.partner/search', { domain: [] }, { 'X-Odoo-Database': 'other' });
    expect(db.status).toBe(404);
    expect(db.text).toContain('<title>404 Not Found</title>');
    expect(
      (await json2(s, 'res.partner/search', { domain: [] }, { 'X-Odoo-Database': s.db })).status,
    ).toBe(200);
  });

  it('serves /web/version and /json/version, and code 0 in JSON-RPC errors', async () => {
    const s = sandbox();
    for (const path of ['/web/version', '/json/version']) {
      const response = await fetch(`${s.url}${path}`);
      expect(await response.json()).toEqual({
        version_info: [19, 0, 0, 'final', 0, 'e'],
        version: '19.0',
      });
    }
    const error = (
      await jsonRpc(s, 'object', 'execute_kw', [s.db, 2, s.password, 'no.such', 'search', [[]]])
    ).error as { code: number };
    expect(error.code).toBe(0);
  });

  it('runs formatted_read_group', async () => {
    const s = sandbox();
    const groups = await json2(s, 'account.analytic.line/formatted_read_group', {
      domain: [],
      groupby: ['project_id'],
      aggregates: ['unit_amount:sum', '__count'],
    });
    expect(groups.body).toEqual([
      {
        project_id: [s.store.ref('project_support'), 'Support'],
        __count: 3,
        'unit_amount:sum': 6.5,
        __extra_domain: [['project_id', '=', s.store.ref('project_support')]],
      },
    ]);
  });
});
