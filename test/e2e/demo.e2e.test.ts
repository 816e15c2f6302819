import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli';

describe('tally demo (what npm start runs)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'tally-demo-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs setup, three months of sync, the close and the statements on the demo company', async () => {
    const result = await runCli(['demo', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/Setup: \d+ custom fields, views and products created; ready\./);
    for (const month of ['2026-08', '2026-09', '2026-10'])
      expect(text).toMatch(new RegExp(`Sync ${month}: 11 draft invoices written \\(\\d+ lines\\)`));
    expect(text).toContain('Close 2026-10: invoice dates set');
    expect(text).toMatch(
      /Mälarstrand Handel AB +0\.00 +0\.00 +0\.00 +0\.00 SEK {2}\(\d+ held for review\)/,
    );
    const statements = text.split('\n').filter((line) => line.trim().endsWith('.html'));
    expect(statements).toHaveLength(12);
    const page = readFileSync(statements[0]?.trim() ?? '', 'utf8');
    expect(page.toLowerCase()).toContain('<!doctype html>');
    expect(text).toContain('Nothing was posted');
  });

  it('runs the same story over JSON-2 on an Odoo 19 sandbox', async () => {
    const result = await runCli(['demo', '--odoo-version', '19', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('over json2');
    expect(result.stdout).toContain('Close 2026-10');
  });

  it('refuses a bad version with exit status 2', async () => {
    const result = await runCli(['demo', '--odoo-version', '15']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--odoo-version: must be 16, 17, 18 or 19');
  });
});
