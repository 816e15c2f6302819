import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli';
import { startSandbox, type Sandbox } from '../support/start-sandbox';

/** Nothing about the connection comes from the environment: only the file speaks. */
const EMPTY_ENV: NodeJS.ProcessEnv = {
  ODOO_URL: '',
  ODOO_DB: '',
  ODOO_LOGIN: '',
  ODOO_API_KEY: '',
  ODOO_PASSWORD: '',
  ODOO_PROTOCOL: '',
  TALLY_CONFIG: '',
  TALLY_CONNECTION: '',
};

/** A connection file for the sandbox, as an admin would write it from the example. */
function connectionYaml(sandbox: Sandbox, ...more: string[]): string {
  return [
    'odoo:',
    `  url: ${sandbox.url}`,
    `  db: ${sandbox.db}`,
    `  login: ${sandbox.login}`,
    `  apiKey: ${sandbox.apiKey}`,
    ...more,
    '',
  ].join('\n');
}

describe('connection settings from a file (config/connection.example.yaml)', () => {
  let sandbox: Sandbox;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
    dir = mkdtempSync(path.join(tmpdir(), 'tally-connection-file-'));
    file = path.join(dir, 'connection.yaml');
    writeFileSync(file, connectionYaml(sandbox));
  });
  afterAll(() => sandbox.close());

  it('are read from the file --connection names', async () => {
    const result = await runCli(['--connection', file, 'setup', '--dry-run'], EMPTY_ENV);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Tally setup on Odoo 17.0 (OCA helpdesk)');
  });

  it('are read from the file TALLY_CONNECTION names, relative to the working directory', async () => {
    const result = await runCli(['setup', '--dry-run'], {
      ...EMPTY_ENV,
      TALLY_CONNECTION: path.relative(process.cwd(), file),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('take the agreements file the connection file names, which TALLY_CONFIG overrides', async () => {
    expect((await runCli(['--connection', file, 'setup'], EMPTY_ENV)).code).toBe(0);
    const broken = path.join(dir, 'agreements-broken.yaml');
    writeFileSync(broken, 'version: 1\ncategories: 3\n');
    const withAgreements = path.join(dir, 'connection-with-agreements.yaml');
    writeFileSync(withAgreements, connectionYaml(sandbox, `agreementsPath: ${broken}`));
    const fromFile = await runCli(
      ['sync', '--connection', withAgreements, '--period', '2026-10', '--dry-run'],
      EMPTY_ENV,
    );
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(broken);
    const overridden = await runCli(
      ['sync', '--connection', withAgreements, '--period', '2026-10', '--dry-run'],
      {
        ...EMPTY_ENV,
        TALLY_CONFIG: path.resolve(__dirname, '../../config/agreements.default.yaml'),
      },
    );
    expect(overridden.stderr).toBe('');
    expect(overridden.code).toBe(0);
  });

  it('let the environment win over the file, key by key', async () => {
    const result = await runCli(['--connection', file, 'setup', '--dry-run'], {
      ...EMPTY_ENV,
      ODOO_DB: 'no-such-db',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('The Odoo server has no database by that name: check ODOO_DB.');
  });

  it('name a file that cannot be read, with exit status 2', async () => {
    const missing = path.join(dir, 'missing.yaml');
    const result = await runCli(
      ['--connection', missing, 'sync', '--period', '2026-10'],
      EMPTY_ENV,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(missing);
    expect(result.stderr).toContain('cannot be read');
  });
});
