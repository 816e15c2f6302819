import { startSandbox, type Sandbox } from '../../src/sandbox';
import { executeKw, executeKwError } from './rpc-clients';

const fieldNames = async (s: Sandbox, model: string): Promise<string[]> =>
  Object.keys((await executeKw(s, model, 'fields_get', [], { attributes: ['type'] })) as object);

describe.each([
  [
    16,
    'oca',
    {
      'res.partner': ['__last_update', 'mobile'],
      'sale.order.line': ['product_uom', 'tax_id'],
      'project.project': ['analytic_account_id'],
      'product.product': ['detailed_type', 'uom_po_id'],
      'account.analytic.line': ['ticket_id', 'plan_id'],
    },
    { 'project.project': ['account_id'] },
  ],
  [
    17,
    'enterprise',
    {
      'helpdesk.ticket': ['ticket_ref', 'ticket_type_id'],
      'account.analytic.line': ['helpdesk_ticket_id'],
      'helpdesk.team': ['use_helpdesk_timesheet'],
    },
    { 'helpdesk.ticket': ['number'], 'account.analytic.line': ['ticket_id'] },
  ],
  [
    18,
    'enterprise',
    {
      'project.project': ['account_id'],
      'account.move': ['origin_payment_id'],
      'product.product': ['type', 'is_storable'],
    },
    { 'helpdesk.ticket': ['ticket_type_id'], 'product.product': ['detailed_type'] },
  ],
  [
    19,
    'oca',
    {
      'sale.order.line': ['product_uom_id', 'tax_ids'],
      'res.users': ['group_ids'],
      'account.move': ['checked', 'origin_payment_id'],
    },
    {
      'res.partner': ['mobile'],
      'res.users': ['groups_id'],
      'product.product': ['uom_po_id', 'detailed_type'],
    },
  ],
] as const)('profile %i %s', (odooVersion, helpdesk, present, absent) => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await startSandbox({ odooVersion, helpdesk, seed: 'demo' });
  });
  afterAll(() => s.close());

  it('has the fields the profile has and not the others', async () => {
    for (const [model, fields] of Object.entries(present))
      expect(await fieldNames(s, model)).toEqual(expect.arrayContaining([...fields]));
    for (const [model, fields] of Object.entries(absent))
      for (const field of fields) expect(await fieldNames(s, model)).not.toContain(field);
  });

  it('reports its version and keeps JSON-RPC error codes per version', async () => {
    const info = (await fetch(`${s.url}/web/webclient/version_info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"jsonrpc":"2.0","params":{}}',
    }).then((r) => r.json())) as { result: { server_version_info: unknown[] } };
    expect(info.result.server_version_info[0]).toBe(odooVersion);
    const error = await executeKwError(s, 'no.such.model', 'search', [[]]);
    expect(error.code).toBe(odooVersion >= 19 ? 0 : 200);
    const version = await fetch(`${s.url}/web/version`);
    expect(version.status).toBe(odooVersion >= 19 ? 200 : 404);
  });
});

describe('profile differences in behaviour', () => {
  it('names 18+ drafts false and uses the enterprise display name', async () => {
    const s = await startSandbox({ odooVersion: 18, helpdesk: 'enterprise', seed: 'demo' });
    try {
      const move = (await executeKw(s, 'account.move', 'create', [
        { move_type: 'out_invoice', partner_id: s.store.ref('acme') },
      ])) as number;
      expect(await executeKw(s, 'account.move', 'read', [[move], ['name']])).toEqual([
        { id: move, name: false },
      ]);
      const [ticket] = (await executeKw(s, 'helpdesk.ticket', 'read', [
        [s.store.ref('ticket_vpn')],
        ['display_name', 'ticket_ref'],
      ])) as { display_name: string; ticket_ref: string }[];
      expect(ticket?.display_name).toBe(`VPN down (#${ticket?.ticket_ref})`);
    } finally {
      await s.close();
    }
  });
});
