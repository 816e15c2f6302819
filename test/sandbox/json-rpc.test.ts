import { useSandbox } from '../support/start-sandbox';
import { executeKw, executeKwError, jsonRpc } from './rpc-clients';

describe('sandbox over JSON-RPC (profile 17 OCA)', () => {
  const sandbox = useSandbox();

  it('answers common.version like Odoo 17', async () => {
    const body = await jsonRpc(sandbox(), 'common', 'version', []);
    expect(body).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        server_version: '17.0',
        server_version_info: [17, 0, 0, 'final', 0, ''],
        server_serie: '17.0',
        protocol_version: 1,
      },
    });
  });

  it.each([
    ['login', 'admin', 'admin', 2],
    ['login', 'admin', 'wrong', false],
    ['authenticate', 'admin', 'admin', 2],
    ['authenticate', 'nobody', 'admin', false],
  ])('%s(%s, %s) -> %p', async (method, login, password, expected) => {
    const args =
      method === 'authenticate'
        ? [sandbox().db, login, password, {}]
        : [sandbox().db, login, password];
    const body = await jsonRpc(sandbox(), 'common', method, args);
    expect(body.result).toBe(expected);
  });

  it('accepts the API key in place of the password for login and execute_kw', async () => {
    const s = sandbox();
    expect((await jsonRpc(s, 'common', 'login', [s.db, s.login, s.apiKey])).result).toBe(2);
    const body = await jsonRpc(s, 'object', 'execute_kw', [
      s.db,
      2,
      s.apiKey,
      'res.users',
      'search_count',
      [[]],
    ]);
    expect(body.result).toBe(1);
  });

  it('creates, reads, writes, searches and unlinks partners', async () => {
    const s = sandbox();
    const id = (await executeKw(s, 'res.partner', 'create', [
      { name: 'Acme AB', is_company: true },
    ])) as number;
    expect(typeof id).toBe('number');
    const ids = (await executeKw(s, 'res.partner', 'create', [
      [
        { name: 'Jane', parent_id: id },
        { name: 'John', parent_id: id },
      ],
    ])) as number[];
    expect(ids).toHaveLength(2);
    const [jane] = (await executeKw(s, 'res.partner', 'read', [[ids[0]]], {
      fields: [
        'name',
        'parent_id',
        'commercial_partner_id',
        'email',
        'display_name',
        'category_id',
      ],
    })) as Record<string, unknown>[];
    expect(jane).toEqual({
      id: ids[0],
      name: 'Jane',
      parent_id: [id, 'Acme AB'],
      commercial_partner_id: [id, 'Acme AB'],
      email: false,
      display_name: 'Acme AB, Jane',
      category_id: [],
    });
    expect(
      await executeKw(s, 'res.partner', 'write', [[ids[1]], { email: 'john@acme.example' }]),
    ).toBe(true);
    const found = await executeKw(
      s,
      'res.partner',
      'search_read',
      [[['email', 'ilike', 'ACME.example']]],
      { fields: ['name'] },
    );
    expect(found).toEqual([{ id: ids[1], name: 'John' }]);
    expect(await executeKw(s, 'res.partner', 'unlink', [[ids[1]]])).toBe(true);
    expect(await executeKw(s, 'res.partner', 'read', [[ids[1]]], { fields: ['name'] })).toEqual([]);
  });

  it('reports a write to a missing id as MissingError with the record repr and the user', async () => {
    const error = await executeKwError(sandbox(), 'res.partner', 'write', [
      [999999999],
      { name: 'x' },
    ]);
    expect(error.code).toBe(200);
    expect(error.message).toBe('Odoo Server Error');
    expect(error.data.name).toBe('odoo.exceptions.MissingError');
    expect(error.data.message).toBe(
      'Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)',
    );
    expect(error.data.arguments).toEqual([error.data.message]);
  });
});
