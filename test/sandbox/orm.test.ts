import { startSandbox, type Sandbox } from '../../src/sandbox';
import { manualClock } from '../support/start-sandbox';
import { executeKw, executeKwError } from './rpc-clients';

describe('ORM behaviour', () => {
  const clock = manualClock('2026-02-02T08:00:00Z');
  let s: Sandbox;
  beforeAll(async () => {
    s = await startSandbox({ seed: 'demo', clock: clock.now });
  });
  afterAll(() => s.close());

  it('applies x2many commands 0 to 6 on many2many and one2many fields', async () => {
    const tags = (await executeKw(s, 'res.partner.category', 'create', [
      [{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }],
    ])) as number[];
    const [t1, t2, t3] = tags as [number, number, number];
    const partner = (await executeKw(s, 'res.partner', 'create', [
      { name: 'Cmd AB', is_company: true, category_id: [[6, 0, [t1, t2]]] },
    ])) as number;
    const tagsOf = async (): Promise<unknown> =>
      (
        (await executeKw(s, 'res.partner', 'read', [[partner], ['category_id']])) as {
          category_id: number[];
        }[]
      )[0]?.category_id;
    expect(await tagsOf()).toEqual([t1, t2]);
    await executeKw(s, 'res.partner', 'write', [
      [partner],
      {
        category_id: [
          [3, t1, 0],
          [4, t3, 0],
        ],
      },
    ]);
    expect(await tagsOf()).toEqual([t2, t3]);
    await executeKw(s, 'res.partner', 'write', [
      [partner],
      {
        category_id: [
          [5, 0, 0],
          [0, 0, { name: 'T4' }],
        ],
      },
    ]);
    const [t4] = (await tagsOf()) as number[];
    expect(await executeKw(s, 'res.partner.category', 'read', [[t4], ['name']])).toEqual([
      { id: t4, name: 'T4' },
    ]);
    await executeKw(s, 'res.partner', 'write', [
      [partner],
      {
        category_id: [
          [1, t4, { name: 'T4b' }],
          [2, t4, 0],
        ],
      },
    ]);
    expect(await tagsOf()).toEqual([]);
    expect(await executeKw(s, 'res.partner.category', 'search_count', [[['id', '=', t4]]])).toBe(0);
    await executeKw(s, 'res.partner', 'write', [
      [partner],
      { child_ids: [[0, 0, { name: 'Child' }]] },
    ]);
    const [{ child_ids }] = (await executeKw(s, 'res.partner', 'read', [
      [partner],
      ['child_ids'],
    ])) as { child_ids: number[] }[] as [{ child_ids: number[] }];
    expect(child_ids).toHaveLength(1);
    await executeKw(s, 'res.partner', 'write', [[partner], { child_ids: [[6, 0, []]] }]);
    expect(await executeKw(s, 'res.partner', 'read', [[child_ids[0]], ['parent_id']])).toEqual([
      { id: child_ids[0], parent_id: false },
    ]);
  });

  it('requires a ticket description with the message Odoo gives for a missing mandatory field', async () => {
    const error = await executeKwError(s, 'helpdesk.ticket', 'create', [{ name: 'No body' }]);
    expect(error.data.name).toBe('odoo.exceptions.ValidationError');
    expect(error.data.message).toContain(
      'Model: Helpdesk Ticket (helpdesk.ticket)\nField: Description (description)',
    );
  });

  it('numbers tickets from a sequence and shows "<number> - <name>"', async () => {
    const id = (await executeKw(s, 'helpdesk.ticket', 'create', [
      { name: 'Printer', description: '<p>x</p>', partner_id: s.store.ref('acme') },
    ])) as number;
    const [ticket] = (await executeKw(s, 'helpdesk.ticket', 'read', [
      [id],
      ['number', 'display_name', 'stage_id', 'company_id'],
    ])) as Record<string, unknown>[];
    expect(ticket?.number).toMatch(/^HT\d{5}$/);
    expect(ticket?.display_name).toBe(`${String(ticket?.number)} - Printer`);
    expect(ticket?.stage_id).toEqual([expect.any(Number), 'New']);
  });

  it('fills timesheet fields from the project and the ticket', async () => {
    const ticket = s.store.ref('ticket_vpn');
    const id = (await executeKw(s, 'account.analytic.line', 'create', [
      {
        name: '/',
        project_id: s.store.ref('project_support'),
        ticket_id: ticket,
        unit_amount: 0.5,
        employee_id: s.store.ref('employee_admin'),
        date: '2026-02-01',
      },
    ])) as number;
    const [line] = (await executeKw(s, 'account.analytic.line', 'read', [
      [id],
      [
        'ticket_partner_id',
        'account_id',
        'timesheet_invoice_type',
        'partner_id',
        'amount',
        'user_id',
      ],
    ])) as Record<string, unknown>[];
    expect(line).toMatchObject({
      ticket_partner_id: [s.store.ref('acme_jane'), 'Acme AB, Jane Doe'],
      timesheet_invoice_type: 'non_billable',
      partner_id: false,
      amount: -250,
    });
    expect(line?.account_id).toEqual([expect.any(Number), 'Support']);
  });

  it('stamps create_date and write_date with the call time and moves write_date on write', async () => {
    const id = (await executeKw(s, 'res.partner', 'create', [{ name: 'Clocked' }])) as number;
    clock.advance(3600);
    await executeKw(s, 'res.partner', 'write', [[id], { name: 'Clocked 2' }]);
    const [row] = (await executeKw(s, 'res.partner', 'read', [
      [id],
      ['create_date', 'write_date'],
    ])) as Record<string, unknown>[];
    expect(row).toEqual({
      id,
      create_date: '2026-02-02 08:00:00',
      write_date: '2026-02-02 09:00:00',
    });
  });

  it('ignores a create_date given on create, as real Odoo does: the record dates from the call', async () => {
    clock.set('2026-02-03T10:00:00Z');
    const id = (await executeKw(s, 'res.partner', 'create', [
      { name: 'Backdated', create_date: '2001-01-01 00:00:00' },
    ])) as number;
    const [row] = (await executeKw(s, 'res.partner', 'read', [[id], ['create_date']])) as Record<
      string,
      unknown
    >[];
    expect(row).toEqual({ id, create_date: '2026-02-03 10:00:00' });
  });

  it('rolls back every change of a failing call', async () => {
    const before = await executeKw(s, 'res.partner', 'search_count', [[]]);
    await executeKwError(s, 'res.partner', 'create', [
      [{ name: 'Ok' }, { name: 'Bad', parent_id: 'x' }],
    ]);
    expect(await executeKw(s, 'res.partner', 'search_count', [[]])).toBe(before);
  });

  it('describes fields with the attributes asked for', async () => {
    const fields = (await executeKw(s, 'helpdesk.ticket', 'fields_get', [], {
      attributes: ['type', 'relation', 'required', 'readonly', 'store', 'string', 'selection'],
    })) as Record<string, Record<string, unknown>>;
    expect(fields.description).toEqual({
      type: 'html',
      required: true,
      readonly: false,
      store: true,
      string: 'Description',
    });
    expect(fields.team_id).toMatchObject({ type: 'many2one', relation: 'helpdesk.ticket.team' });
    expect(fields.priority?.selection).toEqual([
      ['0', 'Low'],
      ['1', 'Medium'],
      ['2', 'High'],
      ['3', 'Very High'],
    ]);
    expect(fields.closed).toMatchObject({ type: 'boolean', store: false, readonly: true });
  });

  it('groups with read_group: counts and sums', async () => {
    const groups = (await executeKw(s, 'account.analytic.line', 'read_group', [
      [['project_id', '!=', false]],
      ['unit_amount:sum'],
      ['project_id'],
    ])) as Record<string, unknown>[];
    expect(groups).toEqual([
      expect.objectContaining({
        project_id: [s.store.ref('project_support'), 'Support'],
        project_id_count: expect.any(Number),
        unit_amount: expect.any(Number),
      }),
    ]);
    const lazyFalse = (await executeKw(
      s,
      'account.analytic.line',
      'read_group',
      [[], ['unit_amount'], ['date:month']],
      { lazy: false },
    )) as Record<string, unknown>[];
    expect(lazyFalse.map((g) => g['date:month'])).toContain('January 2026');
    expect(lazyFalse[0]).toHaveProperty('__count');
  });

  it('adds x_ fields through ir.model.fields and refuses manual names without x_', async () => {
    const [model] = (await executeKw(s, 'ir.model', 'search', [
      [['model', '=', 'account.move']],
    ])) as number[];
    await executeKw(s, 'ir.model.fields', 'create', [
      {
        model_id: model,
        name: 'x_tally_key',
        field_description: 'Tally key',
        ttype: 'char',
        state: 'manual',
        index: true,
        copied: false,
      },
    ]);
    const fields = (await executeKw(s, 'account.move', 'fields_get', [['x_tally_key']], {
      attributes: ['type', 'manual'],
    })) as Record<string, unknown>;
    expect(fields).toEqual({ x_tally_key: { type: 'char', manual: true } });
    const move = (await executeKw(s, 'account.move', 'create', [
      { move_type: 'out_invoice', partner_id: s.store.ref('acme'), x_tally_key: 'k-1' },
    ])) as number;
    expect(await executeKw(s, 'account.move', 'search', [[['x_tally_key', '=', 'k-1']]])).toEqual([
      move,
    ]);
    const error = await executeKwError(s, 'ir.model.fields', 'create', [
      {
        model_id: model,
        name: 'tally_key',
        field_description: 'No',
        ttype: 'char',
        state: 'manual',
      },
    ]);
    expect(error.data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message:
        "The operation cannot be completed: Custom fields must have a name that starts with 'x_'!",
    });
  });

  it('posts messages, schedules activities and stores views and external ids', async () => {
    const ticket = s.store.ref('ticket_import');
    const message = (await executeKw(s, 'helpdesk.ticket', 'message_post', [[ticket]], {
      body: 'Needs a decision',
    })) as number;
    expect(
      await executeKw(s, 'mail.message', 'read', [[message], ['model', 'res_id', 'body']]),
    ).toEqual([
      { id: message, model: 'helpdesk.ticket', res_id: ticket, body: 'Needs a decision' },
    ]);
    const activities = (await executeKw(
      s,
      'helpdesk.ticket',
      'activity_schedule',
      [[ticket], 'mail.mail_activity_data_todo'],
      { summary: 'Classify' },
    )) as number[];
    expect(
      await executeKw(s, 'mail.activity', 'search_read', [[['id', 'in', activities]]], {
        fields: ['res_model', 'res_id', 'summary', 'activity_type_id'],
      }),
    ).toEqual([
      {
        id: activities[0],
        res_model: 'helpdesk.ticket',
        res_id: ticket,
        summary: 'Classify',
        activity_type_id: [expect.any(Number), 'To-Do'],
      },
    ]);
    const view = (await executeKw(s, 'ir.ui.view', 'create', [
      {
        name: 'tally.ticket',
        model: 'helpdesk.ticket',
        inherit_id: false,
        type: 'form',
        arch: '<form/>',
      },
    ])) as number;
    expect(await executeKw(s, 'ir.ui.view', 'read', [[view], ['arch', 'mode']])).toEqual([
      { id: view, arch: '<form/>', mode: 'primary' },
    ]);
    await executeKw(s, 'ir.model.data', 'create', [
      { module: 'tally', name: 'line_1', model: 'res.partner', res_id: 7 },
    ]);
    expect(
      await executeKw(s, 'ir.model.data', 'search_read', [[['module', '=', 'tally']]], {
        fields: ['complete_name', 'res_id'],
      }),
    ).toEqual([{ id: expect.any(Number), complete_name: 'tally.line_1', res_id: 7 }]);
  });
});
