/**
 * Access rights: the checklist names each missing group and says an administrator can grant it;
 * a user without Administration / Settings cannot create fields, but needs no Settings once they
 * exist; a dry run writes nothing.
 */
import { startSandbox, type Sandbox } from '../../support/start-sandbox';
import { checkOf, failures, setupOn } from './harness';

const SYNC_GROUPS = [
  'base.group_user',
  'hr_timesheet.group_hr_timesheet_approver',
  'account.group_account_invoice',
  'sales_team.group_sale_salesman_all_leads',
];

describe('setup as a user without some groups', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      odooVersion: 17,
      helpdesk: 'oca',
      seed: {
        base: 'demo',
        users: [
          {
            login: 'no-helpdesk',
            name: 'No Helpdesk',
            apiKey: 'key-no-helpdesk',
            groups: SYNC_GROUPS,
          },
          {
            login: 'own-timesheets',
            name: 'Own Timesheets',
            apiKey: 'key-own-timesheets',
            groups: [
              'base.group_user',
              'hr_timesheet.group_hr_timesheet_user',
              'helpdesk_mgmt.group_helpdesk_user',
              'account.group_account_invoice',
              'sales_team.group_sale_salesman_all_leads',
            ],
          },
        ],
      },
    });
  });
  afterAll(() => sandbox.close());

  const asNoHelpdesk = () => setupOn(sandbox, { login: 'no-helpdesk', apiKey: 'key-no-helpdesk' });

  it('fails naming Helpdesk / User, and cannot create fields without Administration / Settings', async () => {
    const { report, writes } = await asNoHelpdesk();
    expect(report.ready).toBe(false);
    const helpdesk = checkOf(report, 'group:helpdesk_user');
    expect(helpdesk.status).toBe('fail');
    expect(helpdesk.message).toBe(
      'The Tally user lacks Helpdesk / User, needed to read every ticket and the ticket of each timesheet (ticket_id is hidden without it).',
    );
    expect(helpdesk.fix).toContain(
      'An administrator can grant the Tally user the group Helpdesk / User',
    );
    expect(checkOf(report, 'group:timesheet_user').status).toBe('ok');
    expect(checkOf(report, 'group:settings')).toMatchObject({ status: 'ok' });
    const field = checkOf(report, 'field:account.move/x_tally_key');
    expect(field).toMatchObject({ status: 'fail', message: expect.stringContaining('Missing') });
    expect(field.fix).toContain('Administration / Settings');
    expect(checkOf(report, 'view:tally.helpdesk.ticket.form').status).toBe('fail');
    expect(writes).toBe(0);
  });

  it('needs no Settings once an administrator has run setup: only the missing group remains', async () => {
    expect((await setupOn(sandbox)).report.ready).toBe(true);
    const { report, writes } = await asNoHelpdesk();
    expect(writes).toBe(0);
    expect(failures(report)).toEqual([
      expect.stringMatching(/^group:helpdesk_user: The Tally user lacks Helpdesk \/ User/),
    ]);
  });

  it('says "own timesheets only" is not enough', async () => {
    const { report } = await setupOn(sandbox, {
      login: 'own-timesheets',
      apiKey: 'key-own-timesheets',
    });
    expect(checkOf(report, 'group:timesheet_user')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('lacks Timesheets / User: all timesheets'),
    });
    expect(checkOf(report, 'group:helpdesk_user').status).toBe('ok');
  });
});

describe('a dry run', () => {
  it('reports what it would create and writes nothing', async () => {
    const sandbox = await startSandbox({ odooVersion: 19, helpdesk: 'enterprise', seed: 'demo' });
    try {
      const { report, writes } = await setupOn(sandbox, {
        setup: { dryRun: true, createProducts: true },
      });
      expect(writes).toBe(0);
      expect(report.changes).toEqual([]);
      expect(checkOf(report, 'field:helpdesk.ticket/x_tally_review')).toMatchObject({
        status: 'pending',
        fix: 'Run tally setup without --dry-run to create it.',
      });
      expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
      expect(report.ready).toBe(false);
      expect(checkOf(report, 'view:tally.account.analytic.line.list').message).toContain(
        'is missing',
      );
    } finally {
      await sandbox.close();
    }
  });
});
