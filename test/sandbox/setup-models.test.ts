import { startSandbox, type Sandbox } from '../../src/sandbox';
import { executeKw, executeKwError, jsonRpc } from './rpc-clients';

const CLERK = { login: 'clerk', password: 'clerk' };

/** execute_kw as the seeded clerk (an internal user with no other group). */
async function asClerk(
  s: Sandbox,
  model: string,
  method: string,
  args: unknown[],
): Promise<unknown> {
  const uid = s.store.ref('clerk');
  const body = await jsonRpc(s, 'object', 'execute_kw', [
    s.db,
    uid,
    CLERK.password,
    model,
    method,
    args,
    {},
  ]);
  if ('error' in body) throw new Error(JSON.stringify(body.error));
  return body.result;
}

function sandboxWithClerk(odooVersion: 16 | 17 | 18 | 19, helpdesk: 'oca' | 'enterprise') {
  return startSandbox({
    odooVersion,
    helpdesk,
    seed: {
      base: 'demo',
      users: [{ ref: 'clerk', ...CLERK, name: 'Clerk', groups: ['base.group_user'] }],
    },
  });
}

describe('ir.module.module', () => {
  it.each([
    [17, 'oca', ['helpdesk_mgmt', 'helpdesk_mgmt_timesheet'], ['helpdesk', 'helpdesk_timesheet']],
    [16, 'enterprise', ['helpdesk', 'helpdesk_timesheet'], ['helpdesk_mgmt']],
  ] as const)(
    'lists the installed modules of Odoo %i with %s helpdesk to any internal user',
    async (odooVersion, helpdesk, installed, absent) => {
      const s = await sandboxWithClerk(odooVersion, helpdesk);
      try {
        const rows = (await asClerk(s, 'ir.module.module', 'search_read', [
          [['state', '=', 'installed']],
          ['name', 'state', 'shortdesc', 'latest_version'],
        ])) as { name: string; latest_version: string }[];
        const names = rows.map((row) => row.name);
        expect(names).toEqual(
          expect.arrayContaining(['hr_timesheet', 'account', 'sale_timesheet', ...installed]),
        );
        for (const name of absent) expect(names).not.toContain(name);
        expect(rows.find((row) => row.name === 'account')?.latest_version).toBe(
          `${odooVersion}.0.1.0`,
        );
        const crm = (await asClerk(s, 'ir.module.module', 'search_read', [
          [['name', '=', 'crm']],
          ['state', 'latest_version'],
        ])) as unknown[];
        expect(crm).toEqual([
          { id: expect.any(Number), state: 'uninstalled', latest_version: false },
        ]);
      } finally {
        await s.close();
      }
    },
  );
});

describe('res.users.has_group (odoo-verified.md: a caller method on 16/17, a record method from 18)', () => {
  let s17: Sandbox;
  let s18: Sandbox;
  let s19: Sandbox;
  beforeAll(async () => {
    [s17, s18, s19] = await Promise.all([
      sandboxWithClerk(17, 'oca'),
      sandboxWithClerk(18, 'oca'),
      sandboxWithClerk(19, 'enterprise'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([s17.close(), s18.close(), s19.close()]);
  });

  it('on 17 answers for the caller, with implied groups, from the group alone', async () => {
    // Administration / Settings implies Internal User.
    expect(await executeKw(s17, 'res.users', 'has_group', ['base.group_user'])).toBe(true);
    expect(
      await executeKw(s17, 'res.users', 'has_group', ['helpdesk_mgmt.group_helpdesk_user']),
    ).toBe(true);
    expect(await asClerk(s17, 'res.users', 'has_group', ['base.group_user'])).toBe(true);
    expect(await asClerk(s17, 'res.users', 'has_group', ['base.group_system'])).toBe(false);
  });

  it('on 17 refuses ids as Python does: a TypeError, positional or with the group by name', async () => {
    const positional = await executeKwError(s17, 'res.users', 'has_group', [
      [s17.uid],
      'base.group_system',
    ]);
    expect(positional.data.name).toBe('builtins.TypeError');
    expect(positional.data.message).toMatch(/takes 2 positional arguments but 3 were given/);
    const named = await executeKwError(s17, 'res.users', 'has_group', [[s17.uid]], {
      group_ext_id: 'base.group_system',
    });
    expect(named.data.message).toMatch(/got multiple values for argument 'group_ext_id'/);
  });

  it('from 18 answers for the one user the call names, and insists on one', async () => {
    const clerk = s18.store.ref('clerk');
    expect(await executeKw(s18, 'res.users', 'has_group', [[s18.uid], 'base.group_system'])).toBe(
      true,
    );
    expect(await executeKw(s18, 'res.users', 'has_group', [[clerk], 'base.group_system'])).toBe(
      false,
    );
    const error = await executeKwError(s19, 'res.users', 'has_group', [[], 'base.group_user']);
    expect(error.data.name).toBe('builtins.ValueError');
    expect(error.data.message).toMatch(/Expected singleton: res\.users\(\)/);
  });

  it('is callable over JSON-2 on 19 with ids and group_ext_id by name', async () => {
    const response = await fetch(`${s19.url}/json/2/res.users/has_group`, {
      method: 'POST',
      headers: { Authorization: `bearer ${s19.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: [s19.uid], group_ext_id: 'helpdesk.group_helpdesk_user' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toBe(true);
  });
});

describe('views and custom fields', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
  });
  afterAll(() => s.close());

  const parent = (xmlId: string) => s.store.ref(xmlId);

  it('has the stock timesheet list and ticket form under their real external ids', async () => {
    const views = (await executeKw(s, 'ir.ui.view', 'read', [
      [parent('hr_timesheet.hr_timesheet_line_tree'), parent('helpdesk_mgmt.ticket_view_form')],
      ['model', 'type', 'mode'],
    ])) as unknown[];
    expect(views).toEqual([
      expect.objectContaining({ model: 'account.analytic.line', type: 'tree', mode: 'primary' }),
      expect.objectContaining({ model: 'helpdesk.ticket', type: 'form', mode: 'primary' }),
    ]);
  });

  it('refuses an inherited view that shows an unknown field or locates a missing element', async () => {
    const base = { name: 'tally.test', inherit_id: parent('hr_timesheet.hr_timesheet_line_tree') };
    const unknownField = await executeKwError(s, 'ir.ui.view', 'create', [
      {
        ...base,
        arch: '<data><field name="unit_amount" position="after"><field name="x_nope"/></field></data>',
      },
    ]);
    expect(unknownField.data.name).toBe('odoo.exceptions.ValidationError');
    expect(unknownField.data.message).toContain(
      'Field "x_nope" does not exist in model "account.analytic.line"',
    );
    const lost = await executeKwError(s, 'ir.ui.view', 'create', [
      {
        ...base,
        arch: `<data><xpath expr="//field[@name='partner_id']" position="after"><field name="name"/></xpath></data>`,
      },
    ]);
    expect(lost.data.message).toContain('cannot be located in parent view');
  });

  it('accepts an extension once its field exists, taking type and model from the parent', async () => {
    const [model] = (await executeKw(s, 'ir.model', 'search', [
      [['model', '=', 'account.analytic.line']],
    ])) as number[];
    await executeKw(s, 'ir.model.fields', 'create', [
      {
        model_id: model,
        name: 'x_mark',
        field_description: 'Mark',
        ttype: 'char',
        state: 'manual',
      },
    ]);
    const view = (await executeKw(s, 'ir.ui.view', 'create', [
      {
        name: 'tally.mark',
        inherit_id: parent('hr_timesheet.hr_timesheet_line_tree'),
        arch: `<data><xpath expr="//field[@name='unit_amount']" position="after"><field name="x_mark" optional="show"/></xpath></data>`,
      },
    ])) as number;
    expect(await executeKw(s, 'ir.ui.view', 'read', [[view], ['model', 'type', 'mode']])).toEqual([
      { id: view, model: 'account.analytic.line', type: 'tree', mode: 'extension' },
    ]);
  });

  it('needs a one2many’s many2one to exist before the call that creates it', async () => {
    const ids = (await executeKw(
      s,
      'ir.model',
      'search',
      [[['model', 'in', ['account.move.line', 'account.analytic.line']]]],
      { order: 'model' },
    )) as number[];
    const [analytic, moveLine] = ids as [number, number];
    const inverse = {
      model_id: analytic,
      name: 'x_line_id',
      field_description: 'Line',
      ttype: 'many2one',
      relation: 'account.move.line',
      state: 'manual',
    };
    const one2many = {
      model_id: moveLine,
      name: 'x_timesheet_ids',
      field_description: 'Timesheets',
      ttype: 'one2many',
      relation: 'account.analytic.line',
      relation_field: 'x_line_id',
      state: 'manual',
    };
    const together = await executeKwError(s, 'ir.model.fields', 'create', [[inverse, one2many]]);
    expect(together.data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'Many2one x_line_id on model account.analytic.line does not exist!',
    });
    await executeKw(s, 'ir.model.fields', 'create', [[inverse]]);
    await executeKw(s, 'ir.model.fields', 'create', [[one2many]]);
    const fields = (await executeKw(s, 'account.move.line', 'fields_get', [['x_timesheet_ids']], {
      attributes: ['type', 'relation_field'],
    })) as unknown;
    expect(fields).toEqual({ x_timesheet_ids: { type: 'one2many', relation_field: 'x_line_id' } });
  });

  it('reloads a custom selection when its options are written', async () => {
    const [model] = (await executeKw(s, 'ir.model', 'search', [
      [['model', '=', 'helpdesk.ticket']],
    ])) as number[];
    const [field] = (await executeKw(s, 'ir.model.fields', 'create', [
      [
        {
          model_id: model,
          name: 'x_state',
          field_description: 'State',
          ttype: 'selection',
          selection: "[('a', 'A')]",
          state: 'manual',
        },
      ],
    ])) as number[];
    await executeKw(s, 'ir.model.fields', 'write', [
      [field],
      { selection: "[('a', 'A'), ('b', 'B')]" },
    ]);
    expect(
      await executeKw(s, 'helpdesk.ticket', 'fields_get', [['x_state']], {
        attributes: ['selection'],
      }),
    ).toEqual({
      x_state: {
        selection: [
          ['a', 'A'],
          ['b', 'B'],
        ],
      },
    });
  });
});
