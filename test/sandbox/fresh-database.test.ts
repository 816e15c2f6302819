/**
 * A fresh sandbox answers as a fresh real database did (docs/odoo-fidelity.md): each row here is a
 * fact measured on real 16, 17 or 18 that the sandbox once answered differently.
 */
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { executeKw, executeKwError } from './rpc-clients';

const VERSIONS = [16, 17, 18, 19] as const;

describe.each(VERSIONS)('a fresh Odoo %i sandbox', (odooVersion) => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await startSandbox({ odooVersion, helpdesk: 'oca', seed: 'empty' });
  });
  afterAll(() => s.close());

  it('has an admin named Administrator whose employee is hr.employee_admin, and no second one', async () => {
    const [admin] = (await executeKw(s, 'res.users', 'read', [[s.uid], ['name']])) as {
      name: string;
    }[];
    expect(admin?.name).toBe('Administrator');
    const employee = s.store.ref('hr.employee_admin');
    const [row] = (await executeKw(s, 'hr.employee', 'read', [
      [employee],
      ['name', 'user_id'],
    ])) as {
      user_id: unknown;
    }[];
    expect(row?.user_id).toEqual([s.uid, 'Administrator']);
    const error = await executeKwError(s, 'hr.employee', 'create', [
      { name: 'Again', user_id: s.uid },
    ]);
    expect(error.data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message:
        'The operation cannot be completed: A user cannot be linked to multiple employees in the same company.',
    });
  });

  it('has a sales journal and 15 % taxes from the generic chart', async () => {
    const journals = (await executeKw(s, 'account.journal', 'search_read', [
      [['type', '=', 'sale']],
      ['name', 'code'],
    ])) as unknown[];
    expect(journals).toEqual([{ id: expect.any(Number), name: 'Customer Invoices', code: 'INV' }]);
    const taxes = await executeKw(s, 'account.tax', 'search_count', [[['amount', '=', 15]]]);
    expect(taxes).toBe(2);
  });

  it('refuses a product in Hours whose purchase unit stayed Units, where the version has one', async () => {
    const hours = s.store.ref('uom.product_uom_hour');
    const vals = { name: 'Hour', type: 'service', uom_id: hours, service_tracking: 'no' };
    if (odooVersion <= 18) {
      const error = await executeKwError(s, 'product.product', 'create', [vals]);
      expect(error.data).toMatchObject({
        name: 'odoo.exceptions.ValidationError',
        message:
          'The default Unit of Measure and the purchase Unit of Measure must be in the same category.',
      });
      expect(
        await executeKw(s, 'product.product', 'create', [{ ...vals, uom_po_id: hours }]),
      ).toEqual(expect.any(Number));
    } else {
      expect(await executeKw(s, 'product.product', 'create', [vals])).toEqual(expect.any(Number));
    }
  });

  it('assigns an OCA ticket created without an assignee as that version does', async () => {
    const team = (await executeKw(s, 'helpdesk.ticket.team', 'create', [
      { name: 'Desk' },
    ])) as number;
    const ticket = (await executeKw(s, 'helpdesk.ticket', 'create', [
      { name: 'No assignee given', description: '<p>x</p>', team_id: team },
    ])) as number;
    const [row] = (await executeKw(s, 'helpdesk.ticket', 'read', [[ticket], ['user_id']])) as {
      user_id: unknown;
    }[];
    // 16: the owner of the team's alias (who created the team); 17+: the creator (auto-assign on).
    expect(row?.user_id).toEqual([s.uid, 'Administrator']);
    if (odooVersion >= 17) {
      await executeKw(s, 'res.company', 'write', [
        [1],
        { helpdesk_mgmt_ticket_auto_assign: false },
      ]);
      const unassigned = (await executeKw(s, 'helpdesk.ticket', 'create', [
        { name: 'Auto-assign off', description: '<p>x</p>', team_id: team },
      ])) as number;
      const [off] = (await executeKw(s, 'helpdesk.ticket', 'read', [
        [unassigned],
        ['user_id'],
      ])) as {
        user_id: unknown;
      }[];
      expect(off?.user_id).toBe(false);
    }
  });
});
