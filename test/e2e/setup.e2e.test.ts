import { TALLY_FIELDS } from '../../src/odoo/tally-fields';
import { runCli } from '../support/cli';
import { startSandbox, type Sandbox } from '../support/start-sandbox';

/** The environment `tally setup` reads the connection from (README "Configuration"). */
function envFor(sandbox: Sandbox, apiKey = sandbox.apiKey): NodeJS.ProcessEnv {
  return {
    ODOO_URL: sandbox.url,
    ODOO_DB: sandbox.db,
    ODOO_LOGIN: sandbox.login,
    ODOO_API_KEY: apiKey,
    ODOO_PASSWORD: '',
    ODOO_PROTOCOL: '',
    TALLY_CONFIG: '',
  };
}

describe('tally setup against a demo database', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
  });
  afterAll(() => sandbox.close());

  it('creates the fields and views, prints the checklist and exits 0', async () => {
    const result = await runCli(['setup'], envFor(sandbox));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Tally setup on Odoo 17.0 (OCA helpdesk), user id 2, over jsonrpc',
    );
    expect(result.stdout).toContain(
      'ok    Created the timesheet list view tally.account.analytic.line.list.',
    );
    expect(result.stdout).toContain(
      `Created ${Object.keys(TALLY_FIELDS).length} fields, 2 views and 0 products; updated 0 records.`,
    );
    expect(result.stdout).toContain('Ready: Tally can sync this database (0 warnings).');
  });

  it('changes nothing on a rerun, and --json prints the same report as data', async () => {
    const writes = sandbox.stats.writes;
    const result = await runCli(['setup', '--json'], envFor(sandbox));
    expect(result.code).toBe(0);
    expect(sandbox.stats.writes).toBe(writes);
    const report = JSON.parse(result.stdout) as {
      ready: boolean;
      changes: unknown[];
      checks: { id: string; status: string }[];
    };
    expect(report.ready).toBe(true);
    expect(report.changes).toEqual([]);
    expect(report.checks).toContainEqual(
      expect.objectContaining({ id: 'field:account.move/x_tally_key', status: 'ok' }),
    );
  });

  it('exits 1 naming the problem when the login is refused, without printing the key', async () => {
    const result = await runCli(['setup'], envFor(sandbox, 'not-the-key-1234'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL  Could not connect to Odoo');
    expect(result.stderr).toContain('tally: Odoo is not ready for Tally: 1 item');
    expect(result.stdout).toContain('Nothing was created or changed.');
    expect(result.stdout).not.toContain('already in place');
    expect(result.stdout + result.stderr).not.toContain('not-the-key-1234');
  });
});

it('marks what a dry run would create on an empty Odoo 19, over JSON-2, exits 0 and writes nothing', async () => {
  const sandbox = await startSandbox({ odooVersion: 19, helpdesk: 'enterprise', seed: 'empty' });
  try {
    const result = await runCli(['setup', '--dry-run', '--create-products'], envFor(sandbox));
    expect(result.code).toBe(0);
    expect(sandbox.stats.writes).toBe(0);
    expect(result.stdout).toContain('over json2');
    expect(result.stdout).toContain(
      'ok    A sales journal exists for customer invoices (1 found).',
    );
    expect(result.stdout).toContain(
      'would create:  Missing: x_tally_review (Tally review, char) on helpdesk.ticket.',
    );
    expect(result.stdout).toContain(
      '→ Run tally setup --create-products without --dry-run to create it.',
    );
    expect(result.stdout).not.toContain('FAIL');
    expect(result.stdout).toContain('Dry run: nothing was written to Odoo.');
    expect(result.stdout).toMatch(
      /Nothing to fix by hand: tally setup --create-products without --dry-run creates the \d+ items marked "would create"/,
    );
    expect(result.stderr).toBe('');
  } finally {
    await sandbox.close();
  }
});

it('still exits 1 on a dry run when something must be fixed by hand', async () => {
  const sandbox = await startSandbox({ odooVersion: 19, helpdesk: 'enterprise', seed: 'empty' });
  try {
    const result = await runCli(['setup', '--dry-run'], envFor(sandbox));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('would create:  Missing: x_tally_review');
    expect(result.stdout).toContain('FAIL  No product has the internal reference SUPPORT-HOUR');
    expect(result.stderr).toMatch(
      /^tally: Odoo is not ready for Tally: \d+ items? of the setup checklist/,
    );
  } finally {
    await sandbox.close();
  }
});

it('exits 2 for a bad flag or missing connection settings, before touching Odoo', async () => {
  const flag = await runCli(['setup', '--create-product']);
  expect(flag.code).toBe(2);
  const missing = await runCli(['setup'], {
    ODOO_URL: '',
    ODOO_DB: 'x',
    ODOO_LOGIN: 'x',
    ODOO_API_KEY: 'secret-key',
  });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('ODOO_URL: is not set');
});
