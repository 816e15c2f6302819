/**
 * Setup repairs what drifted and reports what it must not touch: a deleted, archived or edited view
 * is put back (never a second copy), a selection gains Tally's values, a field of the wrong type and
 * missing modules are reported.
 */
import { startSandbox, type Sandbox } from '../../support/start-sandbox';
import { checkOf, failures, setupOn } from './harness';

const LIST = 'tally.account.analytic.line.list';
const FORM = 'tally.helpdesk.ticket.form';

function viewsNamed(sandbox: Sandbox, name: string): Record<string, unknown>[] {
  return sandbox.store.call('ir.ui.view', 'search_read', [[['name', '=', name]]], {
    fields: ['arch', 'active'],
    context: { active_test: false },
  }) as Record<string, unknown>[];
}

describe('views that drifted', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
    expect((await setupOn(sandbox)).report.ready).toBe(true);
  });
  afterAll(() => sandbox.close());

  it('recreates a deleted view once', async () => {
    const [view] = viewsNamed(sandbox, LIST);
    sandbox.store.call('ir.ui.view', 'unlink', [[view?.id]]);
    const { report } = await setupOn(sandbox);
    expect(report.changes).toEqual([
      { action: 'created', model: 'ir.ui.view', id: expect.any(Number), name: LIST },
    ]);
    expect(viewsNamed(sandbox, LIST)).toHaveLength(1);
  });

  it('puts back an edited or archived view in place', async () => {
    const [view] = viewsNamed(sandbox, FORM);
    const id = view?.id as number;
    sandbox.store.write('ir.ui.view', [id], {
      arch: `<data><xpath expr="//field[@name='name']" position="after"><field name="x_tally_review"/></xpath></data>`,
      active: false,
    });
    const { report } = await setupOn(sandbox);
    expect(report.changes).toEqual([{ action: 'updated', model: 'ir.ui.view', id, name: FORM }]);
    expect(viewsNamed(sandbox, FORM)).toEqual([
      expect.objectContaining({
        id,
        active: true,
        arch: expect.stringContaining("@name='tag_ids'"),
      }),
    ]);
  });

  it('warns about a copy made by hand and keeps updating the first', async () => {
    const [view] = viewsNamed(sandbox, LIST);
    const copy = sandbox.store.create('ir.ui.view', {
      name: LIST,
      inherit_id: sandbox.store.ref('hr_timesheet.hr_timesheet_line_tree'),
      arch: String(view?.arch),
    });
    const { report, writes } = await setupOn(sandbox);
    expect(writes).toBe(0);
    expect(checkOf(report, `view:${LIST}:duplicates`)).toMatchObject({
      status: 'warn',
      message: expect.stringContaining(`ids ${copy}`),
    });
    expect(report.ready).toBe(true);
    expect(viewsNamed(sandbox, LIST)).toHaveLength(2);
  });
});

describe('fields that exist already', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion: 16, helpdesk: 'oca', seed: 'demo' });
  });
  afterAll(() => sandbox.close());

  const modelId = (model: string): number =>
    sandbox.store.search('ir.model', [['model', '=', model]])[0] as number;

  it('extends a selection lacking Tally values and reports a field of the wrong type', async () => {
    const analytic = modelId('account.analytic.line');
    const base = { model_id: analytic, state: 'manual' };
    const [coverage] = sandbox.store.create('ir.model.fields', [
      {
        ...base,
        name: 'x_tally_coverage',
        field_description: 'Coverage',
        ttype: 'selection',
        selection: "[('covered', 'Covered')]",
      },
      { ...base, name: 'x_tally_reason', field_description: 'Reason', ttype: 'integer' },
    ]);
    const { report } = await setupOn(sandbox);
    expect(report.changes).toContainEqual({
      action: 'updated',
      model: 'ir.model.fields',
      id: coverage,
      name: 'account.analytic.line x_tally_coverage',
    });
    const selection = sandbox.store.call(
      'account.analytic.line',
      'fields_get',
      [['x_tally_coverage']],
      {
        attributes: ['selection'],
      },
    ) as { x_tally_coverage: { selection: [string, string][] } };
    expect(selection.x_tally_coverage.selection.map(([key]) => key)).toEqual([
      'covered',
      'prepaid',
      'billable',
      'review',
    ]);
    expect(checkOf(report, 'field:account.analytic.line/x_tally_reason')).toMatchObject({
      status: 'fail',
      message:
        'account.analytic.line already has a field x_tally_reason of type integer; Tally needs x_tally_reason (Tally reason, char) on account.analytic.line.',
    });
    // The timesheet list shows the reason, so it waits for the field to be fixed.
    expect(checkOf(report, `view:${LIST}`)).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('needs the fields x_tally_reason first'),
    });
    expect(checkOf(report, `view:${FORM}`).status).toBe('ok');
  });
});

describe('missing modules', () => {
  it('fails without the helpdesk timesheet bridge and warns without sale_timesheet', async () => {
    const sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
    try {
      const uninstall = (name: string): void =>
        sandbox.store.write(
          'ir.module.module',
          sandbox.store.search('ir.module.module', [['name', '=', name]]),
          {
            state: 'uninstalled',
            latest_version: false,
          },
        );
      uninstall('helpdesk_mgmt_timesheet');
      uninstall('sale_timesheet');
      const { report } = await setupOn(sandbox);
      expect(checkOf(report, 'module:helpdesk')).toMatchObject({
        status: 'fail',
        message:
          'OCA Helpdesk Management (helpdesk_mgmt) is installed without helpdesk_mgmt_timesheet: timesheets cannot be logged on tickets.',
        fix: 'Install the module helpdesk_mgmt_timesheet.',
      });
      expect(checkOf(report, 'module:sale_timesheet')).toMatchObject({
        status: 'warn',
        message: expect.stringContaining('delivered and remaining hours'),
      });
      expect(report.server?.helpdesk).toBeNull();
      expect(failures(report)).toEqual([expect.stringMatching(/^module:helpdesk:/)]);
    } finally {
      await sandbox.close();
    }
  });
});
