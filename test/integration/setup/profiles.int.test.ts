/**
 * Setup on each version and helpdesk edition: the fields and views appear where staff look, the
 * demo database ends up ready, and a second run writes nothing.
 */
import { TALLY_FIELDS } from '../../../src/odoo/tally-fields';
import { renderChecklist } from '../../../src/setup/render-checklist';
import { startSandbox, type Sandbox } from '../../support/start-sandbox';
import { checkOf, failures, setupOn } from './harness';

const TICKET_FORM = {
  oca: 'helpdesk_mgmt.ticket_view_form',
  enterprise: 'helpdesk.helpdesk_ticket_view_form',
} as const;

function fieldsOf(sandbox: Sandbox, model: string): Record<string, { type: string }> {
  return sandbox.store.call(model, 'fields_get', [], { attributes: ['type'] }) as Record<
    string,
    { type: string }
  >;
}

describe.each([
  [16, 'oca'],
  [17, 'oca'],
  [17, 'enterprise'],
  [18, 'oca'],
  [19, 'oca'],
  [19, 'enterprise'],
] as const)('tally setup on Odoo %i with the %s helpdesk', (odooVersion, helpdesk) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion, helpdesk, seed: 'demo' });
  });
  afterAll(() => sandbox.close());

  it('creates every Tally field and both views, and the demo database is ready', async () => {
    const { report } = await setupOn(sandbox);
    expect(failures(report)).toEqual([]);
    expect(report.ready).toBe(true);
    expect(report.server).toMatchObject({
      version: expect.stringMatching(new RegExp(`^${odooVersion}\\.0`)),
      transport: odooVersion >= 19 ? 'json2' : 'jsonrpc',
      helpdesk,
    });
    for (const def of Object.values(TALLY_FIELDS)) {
      expect(fieldsOf(sandbox, def.model)[def.name]).toEqual({ type: def.type });
    }
    const list = sandbox.store.searchRead(
      'ir.ui.view',
      [['name', '=', 'tally.account.analytic.line.list']],
      ['inherit_id', 'arch', 'type'],
    );
    expect(list).toEqual([
      expect.objectContaining({
        inherit_id: [sandbox.store.ref('hr_timesheet.hr_timesheet_line_tree'), expect.any(String)],
        type: odooVersion >= 18 ? 'list' : 'tree',
      }),
    ]);
    for (const name of ['x_tally_category', 'x_tally_coverage', 'x_tally_reason']) {
      expect(list[0]?.arch).toContain(`<field name="${name}" optional="show"`);
    }
    const form = sandbox.store.searchRead(
      'ir.ui.view',
      [['name', '=', 'tally.helpdesk.ticket.form']],
      ['inherit_id', 'arch', 'model'],
    );
    expect(form).toEqual([
      expect.objectContaining({
        model: 'helpdesk.ticket',
        inherit_id: [sandbox.store.ref(TICKET_FORM[helpdesk]), expect.any(String)],
      }),
    ]);
    expect(form[0]?.arch).toContain('<field name="x_tally_review"');
    expect(report.changes.filter((c) => c.model === 'ir.model.fields')).toHaveLength(
      Object.keys(TALLY_FIELDS).length,
    );
    expect(checkOf(report, 'module:helpdesk').status).toBe('ok');
  });

  it('writes nothing on a second run and says everything was in place', async () => {
    const rerun = await setupOn(sandbox);
    expect(rerun.writes).toBe(0);
    expect(rerun.report.changes).toEqual([]);
    expect(rerun.report.ready).toBe(true);
    expect(renderChecklist(rerun.report, { dryRun: false })).toContain(
      'Nothing was created or changed: everything was already in place.',
    );
  });
});

describe('the ticket form found as Odoo finds it, the xml id only a hint (odoo-verified.md)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
  });
  afterAll(() => sandbox.close());

  it('extends the primary ticket form of an early 17.0 port that names it helpdesk_ticket_view_form', async () => {
    const stockForm = sandbox.store.ref('helpdesk_mgmt.ticket_view_form');
    // OCA/helpdesk pull request 638, which some partners still run, names the form differently.
    const xmlIds = sandbox.store.search('ir.model.data', [
      ['module', '=', 'helpdesk_mgmt'],
      ['name', '=', 'ticket_view_form'],
    ]);
    sandbox.store.write('ir.model.data', xmlIds, { name: 'helpdesk_ticket_view_form' });
    // A second primary form of lower precedence (a quick-create form, say) is not the default.
    sandbox.store.create('ir.ui.view', {
      name: 'helpdesk.ticket.quick.form',
      model: 'helpdesk.ticket',
      priority: 32,
      arch: '<form><field name="name"/><field name="tag_ids"/></form>',
    });

    const { report } = await setupOn(sandbox);

    expect(failures(report)).toEqual([]);
    const [form] = sandbox.store.searchRead(
      'ir.ui.view',
      [['name', '=', 'tally.helpdesk.ticket.form']],
      ['inherit_id'],
    );
    expect(form?.inherit_id).toEqual([stockForm, expect.any(String)]);
    expect((await setupOn(sandbox)).writes).toBe(0);
  });
});
