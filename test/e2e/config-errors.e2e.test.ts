import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli';

describe('an invalid agreements config', () => {
  it('stops the command with exit status 2 and names every problem with its path, before touching Odoo', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-config-'));
    const file = path.join(dir, 'agreements.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'categories:',
        '  bug_fix: { label: Bug fix }',
        'alwaysBilled: [bug_fix, no_such_category]',
        'tiers:',
        '  on_demand: { label: On Demand, rank: 0, covers: [] }',
        '  maintenance: { label: Maintenance, rank: 2, covers: [bug_fix], requires: [patch] }',
        'defaultTier: on_demand',
        'billing: { minimumPerRequestMinutes: -5 }',
        '',
      ].join('\n'),
    );
    const result = await runCli(['demo'], { TALLY_CONFIG: file });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('no_such_category');
    expect(result.stderr).toContain('billing.minimumPerRequestMinutes');
    expect(result.stderr).toMatch(/requires/);
    expect(result.stdout).not.toContain('Connected to');
  });

  it('names a missing file and exits 2', async () => {
    const result = await runCli(['demo'], { TALLY_CONFIG: '/nonexistent/agreements.yaml' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/nonexistent/agreements.yaml');
  });
});

describe('a first run against an Odoo that is not there', () => {
  it('says which settings to set when none is', async () => {
    const result = await runCli(['setup'], {
      ODOO_URL: '',
      ODOO_DB: '',
      ODOO_LOGIN: '',
      ODOO_PASSWORD: '',
      ODOO_API_KEY: '',
      TALLY_CONFIG: '',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'set ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_API_KEY or ODOO_PASSWORD',
    );
    expect(result.stderr).not.toContain('expected object');
  });

  it('names the URL it could not reach, never the user and password in it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await runCli(['sync', '--period', '2026-10'], {
      ODOO_URL: `http://bot:hunter2-secret@127.0.0.1:${port}/`,
      ODOO_DB: 'tally',
      ODOO_LOGIN: 'bot',
      ODOO_PASSWORD: 'hunter2-secret',
      ODOO_API_KEY: '',
      TALLY_CONFIG: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not reach Odoo at http://127.0.0.1:${port} for version`);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('says it is waiting, and on what, while a server holds a call unanswered', async () => {
    // Accepts every connection and never answers, as a stuck Odoo worker does.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const result = await runCli(['sync', '--period', '2026-10'], {
        ODOO_URL: `http://127.0.0.1:${port}`,
        ODOO_DB: 'tally',
        ODOO_LOGIN: 'bot',
        ODOO_PASSWORD: 'hunter2-secret',
        ODOO_API_KEY: '',
        ODOO_TIMEOUT_MS: '1500',
        TALLY_CONFIG: '',
        TALLY_LOG_FORMAT: 'pretty',
      });
      expect(result.code).toBe(1);
      const waiting = result.stderr.indexOf(
        `Still waiting for Odoo at http://127.0.0.1:${port} to answer version`,
      );
      const gaveUp = result.stderr.indexOf('version got no answer from Odoo');
      expect(waiting).toBeGreaterThanOrEqual(0);
      expect(gaveUp).toBeGreaterThan(waiting);
      expect(result.stderr).not.toContain('hunter2');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
