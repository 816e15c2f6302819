import { startSandbox, type Sandbox } from '../../src/sandbox';
import { manualClock, useSandbox } from '../support/start-sandbox';
import { executeKwError, jsonRpc } from './rpc-clients';

describe('Odoo error shapes over JSON-RPC (odoo-verified.md table)', () => {
  const sandbox = useSandbox({
    seed: {
      base: 'demo',
      users: [
        {
          ref: 'clerk',
          login: 'clerk',
          name: 'Clerk',
          password: 'clerk-pass',
          groups: ['base.group_user', 'hr_timesheet.group_hr_timesheet_user'],
        },
      ],
    },
  });

  it.each([
    [
      'unknown model',
      'no.such.model',
      'search',
      [[]],
      'odoo.exceptions.UserError',
      "Object no.such.model doesn't exist",
    ],
    [
      'unknown method',
      'res.partner',
      'no_such_method',
      [[]],
      'builtins.AttributeError',
      "The method 'no_such_method' does not exist on the model 'res.partner'",
    ],
    [
      'private method',
      'res.partner',
      '_compute_display_name',
      [[1]],
      'odoo.exceptions.AccessError',
      'Private methods (such as _compute_display_name) cannot be called remotely.',
    ],
    [
      'unknown field in a domain',
      'helpdesk.ticket',
      'search',
      [[['no_such_field', '=', 1]]],
      'builtins.ValueError',
      "Invalid field helpdesk.ticket.no_such_field in leaf ('no_such_field', '=', 1)",
    ],
    [
      'missing record',
      'res.partner',
      'write',
      [[999999999], { name: 'x' }],
      'odoo.exceptions.MissingError',
      'Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)',
    ],
  ])('%s', async (_case, model, method, args, name, message) => {
    const error = await executeKwError(sandbox(), model, method, args);
    expect(error).toMatchObject({
      code: 200,
      message: 'Odoo Server Error',
      data: { name, message, arguments: [message], context: {} },
    });
    expect(error.data.debug).toContain('Traceback');
  });

  it.each([
    [
      16,
      'odoo.exceptions.AccessError',
      "type object 'res.partner' has no attribute 'no_such_method'",
    ],
    [
      17,
      'odoo.exceptions.AccessError',
      "The method 'no_such_method' does not exist on the model 'res.partner'",
    ],
    [18, 'builtins.AttributeError', "The method 'res.partner.no_such_method' does not exist"],
    [19, 'odoo.exceptions.AccessError', "The method 'res.partner.no_such_method' does not exist"],
  ] as const)(
    'on %i a missing private method raises %s, an existing one AccessError, a missing public one its AttributeError',
    async (odooVersion, missing, unknownText) => {
      const s = await startSandbox({ odooVersion, seed: 'demo' });
      try {
        const absent = await executeKwError(s, 'res.partner', '_no_such_helper', [[1]]);
        expect(absent.data.name).toBe(missing);
        const present = await executeKwError(s, 'res.partner', '_compute_display_name', [[1]]);
        expect(present.data.name).toBe('odoo.exceptions.AccessError');
        const unknown = await executeKwError(s, 'res.partner', 'no_such_method', [[1]]);
        expect(unknown.data).toMatchObject({
          name: 'builtins.AttributeError',
          message: unknownText,
        });
      } finally {
        await s.close();
      }
    },
  );

  it('raises ValidationError for a recursive partner hierarchy', async () => {
    const s = sandbox();
    const acme = s.store.ref('acme');
    const jane = s.store.ref('acme_jane');
    const error = await executeKwError(s, 'res.partner', 'write', [[acme], { parent_id: jane }]);
    expect(error.data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'You cannot create recursive Partner hierarchies.',
    });
  });

  it('raises AccessDenied for a wrong password in execute_kw, and for an unknown uid', async () => {
    for (const [uid, password] of [
      [2, 'wrong'],
      [99, 'admin'],
    ] as const) {
      const error = await executeKwError(
        sandbox(),
        'res.partner',
        'search',
        [[]],
        {},
        uid,
        password,
      );
      expect(error.data).toMatchObject({
        name: 'odoo.exceptions.AccessDenied',
        message: 'Access Denied',
      });
    }
  });

  it('names the missing group when a user may not read invoices', async () => {
    const s = sandbox();
    const uid = s.store.ref('clerk');
    const error = await executeKwError(
      s,
      'account.move',
      'search_read',
      [[]],
      {},
      uid,
      'clerk-pass',
    );
    expect(error.data.name).toBe('odoo.exceptions.AccessError');
    expect(error.data.message).toMatch(
      /^You are not allowed to access 'Journal Entry' \(account\.move\) records\./,
    );
    expect(error.data.message).toContain('Invoicing / Billing');
  });

  it('hides ticket fields from users without Helpdesk / User and names them when asked', async () => {
    const s = sandbox();
    const uid = s.store.ref('clerk');
    const fields = await jsonRpc(s, 'object', 'execute_kw', [
      s.db,
      uid,
      'clerk-pass',
      'account.analytic.line',
      'fields_get',
      [],
      { attributes: ['type'] },
    ]);
    expect(Object.keys(fields.result as object)).toContain('unit_amount');
    expect(Object.keys(fields.result as object)).not.toContain('ticket_id');
    const error = await executeKwError(
      s,
      'account.analytic.line',
      'search_read',
      [[]],
      { fields: ['ticket_id', 'ticket_partner_id', 'unit_amount'] },
      uid,
      'clerk-pass',
    );
    expect(error.data.name).toBe('odoo.exceptions.AccessError');
    expect(error.data.message).toContain('"ticket_id,ticket_partner_id"');
  });

  it('answers an unknown service with KeyError and an unknown database with OperationalError', async () => {
    const s = sandbox();
    const service = (await jsonRpc(s, 'nope', 'x', [])).error as { data: { name: string } };
    expect(service.data.name).toBe('builtins.KeyError');
    const db = (await jsonRpc(s, 'common', 'login', ['nope', 'admin', 'admin'])).error as {
      data: { name: string; message: string };
    };
    expect(db.data.name).toBe('psycopg2.OperationalError');
    expect(db.data.message).toContain('database "nope" does not exist');
  });

  it('answers malformed JSON with HTTP 400 and an HTML page', async () => {
    const response = await fetch(`${sandbox().url}/jsonrpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"jsonrpc": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Invalid JSON data');
  });
});

describe('login cooldown', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ clock: clock.now });
  });
  afterAll(() => sandbox.close());

  it('refuses logins for 60 s after 10 failures from one address, then lets them through', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect(
        (await jsonRpc(sandbox, 'common', 'login', [sandbox.db, 'admin', 'wrong'])).result,
      ).toBe(false);
    }
    const refused = (await jsonRpc(sandbox, 'common', 'login', [sandbox.db, 'admin', 'admin']))
      .error as { data: { name: string; message: string } };
    expect(refused.data).toMatchObject({
      name: 'odoo.exceptions.AccessDenied',
      message: 'Too many login failures, please wait a bit before trying again.',
    });
    const execute = await executeKwError(sandbox, 'res.partner', 'search', [[]]);
    expect(execute.data.message).toBe(
      'Too many login failures, please wait a bit before trying again.',
    );
    clock.advance(61);
    expect((await jsonRpc(sandbox, 'common', 'login', [sandbox.db, 'admin', 'admin'])).result).toBe(
      2,
    );
  });
});
