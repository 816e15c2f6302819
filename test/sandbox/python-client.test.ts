import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { useSandbox } from '../support/start-sandbox';

const hasPython =
  spawnSync('python3', ['-c', 'import xmlrpc.client'], { encoding: 'utf8' }).status === 0;

// Drives the sandbox exactly as the Odoo external API documentation's Python examples do.
const SCRIPT = `
import json, sys, xmlrpc.client
url, db, username, password = sys.argv[1:5]
common = xmlrpc.client.ServerProxy('{}/xmlrpc/2/common'.format(url))
out = {'version': common.version()}
uid = common.authenticate(db, username, password, {})
out['uid'] = uid
models = xmlrpc.client.ServerProxy('{}/xmlrpc/2/object'.format(url))
out['search_read'] = models.execute_kw(db, uid, password, 'res.partner', 'search_read', [[['is_company', '=', True], ['name', '=', 'Acme AB']]], {'fields': ['name', 'category_id', 'parent_id'], 'limit': 5})
new_id = models.execute_kw(db, uid, password, 'res.partner', 'create', [{'name': 'New Partner'}])
out['create'] = new_id
out['write'] = models.execute_kw(db, uid, password, 'res.partner', 'write', [[new_id], {'name': 'Newer partner'}])
out['name_after_write'] = models.execute_kw(db, uid, password, 'res.partner', 'read', [[new_id]], {'fields': ['name']})[0]['name']
out['fields_get'] = models.execute_kw(db, uid, password, 'res.partner', 'fields_get', [], {'attributes': ['string', 'type']})['parent_id']
try:
    models.execute_kw(db, uid, password, 'res.partner', 'write', [[999999999], {'name': 'x'}])
except xmlrpc.client.Fault as fault:
    out['fault'] = {'code': fault.faultCode, 'string': fault.faultString}
print(json.dumps(out))
`;

(hasPython ? describe : describe.skip)("Python's xmlrpc.client against the sandbox", () => {
  const sandbox = useSandbox({ seed: 'demo' });

  it('gets the answers real Odoo gives to the documented examples', async () => {
    const s = sandbox();
    // Asynchronous on purpose: the sandbox answers from this process's event loop.
    const run = await promisify(execFile)(
      'python3',
      ['-c', SCRIPT, s.url, s.db, s.login, s.password],
      { encoding: 'utf8', timeout: 20000 },
    );
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out.version).toEqual({
      server_version: '17.0',
      server_version_info: [17, 0, 0, 'final', 0, ''],
      server_serie: '17.0',
      protocol_version: 1,
    });
    expect(out.uid).toBe(2);
    expect(out.search_read).toEqual([
      {
        id: s.store.ref('acme'),
        name: 'Acme AB',
        category_id: [s.store.ref('tag_on_demand')],
        parent_id: false,
      },
    ]);
    expect(typeof out.create).toBe('number');
    expect(out.write).toBe(true);
    expect(out.name_after_write).toBe('Newer partner');
    expect(out.fields_get).toEqual({ string: 'Related Company', type: 'many2one' });
    expect(out.fault).toEqual({
      code: 2,
      string:
        'Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)',
    });
  });
});
