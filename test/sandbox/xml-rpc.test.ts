import { useSandbox } from '../support/start-sandbox';
import { xmlRpc } from './rpc-clients';

describe('sandbox over XML-RPC (/xmlrpc/2 and legacy /xmlrpc)', () => {
  const sandbox = useSandbox({ seed: 'demo' });
  const object = (args: unknown[], kwargs: Record<string, unknown> = {}, password?: string) => {
    const s = sandbox();
    return xmlRpc(s, '/xmlrpc/2/object', 'execute_kw', [
      s.db,
      s.uid,
      password ?? s.password,
      ...args,
      kwargs,
    ]);
  };

  it('answers version and login like Odoo', async () => {
    const s = sandbox();
    expect((await xmlRpc(s, '/xmlrpc/2/common', 'version', [])).value).toMatchObject({
      server_version: '17.0',
      protocol_version: 1,
    });
    expect(
      (await xmlRpc(s, '/xmlrpc/2/common', 'authenticate', [s.db, s.login, s.password, {}])).value,
    ).toBe(2);
    expect((await xmlRpc(s, '/xmlrpc/2/common', 'login', [s.db, s.login, 'nope'])).value).toBe(
      false,
    );
  });

  it('returns false for empty values, many2one as [id, name] and datetimes as strings', async () => {
    const { value } = await object(['res.partner', 'search_read', [[['name', '=', 'Jane Doe']]]], {
      fields: ['email', 'mobile', 'parent_id', 'create_date'],
    });
    const [jane] = value as Record<string, unknown>[];
    expect(jane).toMatchObject({ email: 'jane@acme.example', mobile: false });
    expect(jane?.parent_id).toEqual([expect.any(Number), 'Acme AB']);
    expect(jane?.create_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('creates one record (int) or a list (list of ids) and writes', async () => {
    const single = await object(['res.partner', 'create', [{ name: 'XML One' }]]);
    expect(typeof single.value).toBe('number');
    const many = await object([
      'res.partner',
      'create',
      [[{ name: 'XML Two' }, { name: 'XML Three' }]],
    ]);
    expect(many.value).toEqual([expect.any(Number), expect.any(Number)]);
    expect(
      (await object(['res.partner', 'write', [[single.value], { name: 'XML Uno' }]])).value,
    ).toBe(true);
  });

  it.each([
    ['wrong password -> 3', ['res.partner', 'search', [[]]], 'bad', 3, 'Access Denied'],
    [
      'unknown model -> 2',
      ['no.such.model', 'search', [[]]],
      undefined,
      2,
      "Object no.such.model doesn't exist",
    ],
    [
      'missing record -> 2',
      ['res.partner', 'write', [[999999999], { name: 'x' }]],
      undefined,
      2,
      'Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)',
    ],
    [
      'private method -> 4',
      ['res.partner', '_compute_display_name', [[1]]],
      undefined,
      4,
      'Private methods (such as _compute_display_name) cannot be called remotely.',
    ],
  ])('%s', async (_name, args, password, code, message) => {
    const { fault } = await object(args as unknown[], {}, password);
    expect(fault).toEqual({ faultCode: code, faultString: message });
  });

  it('gives faultCode 1 with the whole traceback for other exceptions', async () => {
    const { fault } = await object(['helpdesk.ticket', 'search', [[['no_such_field', '=', 1]]]]);
    expect(fault?.faultCode).toBe(1);
    expect(fault?.faultString).toMatch(/^Traceback \(most recent call last\):/);
    expect(fault?.faultString.trim().split('\n').pop()).toBe(
      "ValueError: Invalid field helpdesk.ticket.no_such_field in leaf ('no_such_field', '=', 1)",
    );
  });

  it('refuses to marshal a None result (button_draft) after committing the change', async () => {
    const s = sandbox();
    const move = s.store.create('account.move', {
      move_type: 'out_invoice',
      partner_id: s.store.ref('acme'),
      invoice_line_ids: [[0, 0, { name: 'x', quantity: 1, price_unit: 10 }]],
    });
    s.store.call('account.move', 'action_post', [[move]]);
    const { fault } = await object(['account.move', 'button_draft', [[move]]]);
    expect(fault?.faultCode).toBe(1);
    expect(fault?.faultString).toContain('cannot marshal None unless allow_none is enabled');
    expect(s.store.read('account.move', [move], ['state'])[0]?.state).toBe('draft');
  });

  it('uses string fault codes on the legacy /xmlrpc/object endpoint', async () => {
    const s = sandbox();
    const { fault } = await xmlRpc(s, '/xmlrpc/object', 'execute_kw', [
      s.db,
      s.uid,
      s.password,
      'no.such.model',
      'search',
      [[]],
      {},
    ]);
    expect(fault).toEqual({
      faultCode: "warning -- UserError\n\nObject no.such.model doesn't exist",
      faultString: '',
    });
  });
});
