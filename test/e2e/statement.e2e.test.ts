import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startCli } from '../support/cli';
import { useSandbox } from '../support/start-sandbox';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'tally-statement-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const pathsIn = (stdout: string) => stdout.split('\n').filter((line) => line.endsWith('.html'));

describe('tally statement', () => {
  it('--sandbox writes one HTML page per demo-company customer and prints the paths', async () => {
    const result = await runCli(['statement', '--sandbox', '--period', '2026-10', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const paths = pathsIn(result.stdout);
    expect(paths).toHaveLength(12);
    expect((await readdir(path.join(out, '2026-10'))).sort()).toEqual(
      paths.map((file) => path.basename(file)).sort(),
    );
    expect(paths).toContain(path.join(out, '2026-10', 'ostra-hamnen-fastigheter-ab-18.html'));
    const page = await readFile(
      path.join(out, '2026-10', 'ostra-hamnen-fastigheter-ab-18.html'),
      'utf8',
    );
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('Östra Hamnen Fastigheter AB');
    expect(page).toContain('Patch Agreement, monthly fee 2026-10');
  });

  it('--customer writes only that customer', async () => {
    const result = await runCli([
      'statement',
      '--sandbox',
      '--period',
      '2026-10',
      '--customer',
      '6',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(pathsIn(result.stdout)).toEqual([path.join(out, '2026-10', 'lindqvist-bygg-ab-6.html')]);
    const page = await readFile(path.join(out, '2026-10', 'lindqvist-bygg-ab-6.html'), 'utf8');
    expect(page).toContain('SUPPORT-PACK-25');
  });

  it('refuses a malformed period or customer with exit status 2, naming the flag', async () => {
    const result = await runCli([
      'statement',
      '--sandbox',
      '--period',
      '2026-13',
      '--customer',
      'x',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--period: must be YYYY-MM');
    expect(result.stderr).toContain('--customer: must be the Odoo id of a customer');
  });

  it('without --sandbox it needs the connection settings and names the missing ones', async () => {
    const result = await runCli(['statement', '--period', '2026-10', '--out', out], {
      ODOO_URL: '',
      ODOO_DB: 'tally',
      ODOO_LOGIN: '',
      ODOO_PASSWORD: '',
      ODOO_API_KEY: '',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ODOO_URL: is not set');
    expect(result.stderr).toContain('ODOO_LOGIN');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('tally statement against an Odoo given by the connection settings', () => {
  const sandbox = useSandbox({ seed: 'demo' });

  it('reads ODOO_* like the other commands and writes the period’s statements', async () => {
    const odoo = sandbox();
    const result = await runCli(['statement', '--period', '2026-01', '--out', out], {
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.db,
      ODOO_LOGIN: odoo.login,
      ODOO_PASSWORD: odoo.password,
      ODOO_API_KEY: '',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`from ${odoo.url}`);
    expect(
      pathsIn(result.stdout)
        .map((file) => path.basename(file))
        .sort(),
    ).toEqual((await readdir(path.join(out, '2026-01'))).sort());
    expect(pathsIn(result.stdout).length).toBeGreaterThanOrEqual(3);
    expect(result.stdout).not.toContain(odoo.password);
  });
});

describe('tally sandbox --seed demo-company', () => {
  it('serves the demo company for any client', async () => {
    const started = await startCli(
      ['sandbox', '--port', '0', '--seed', 'demo-company'],
      /ODOO_API_KEY=(\S+)/,
    );
    try {
      expect(started.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      expect(await started.stop()).toBe(0);
    }
  });
});
