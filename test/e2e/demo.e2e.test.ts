import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliResult } from '../support/cli';

describe('tally demo (what npm start runs)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'tally-demo-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  let demo: CliResult;
  beforeAll(async () => {
    demo = await runCli(['demo', '--out', out]);
  });

  it('runs setup, three months of sync, the close and the statements on the demo company', () => {
    const result = demo;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/Setup: \d+ custom fields, views and products created; ready\./);
    for (const month of ['2026-08', '2026-09', '2026-10'])
      expect(text).toMatch(new RegExp(`Sync ${month}: 11 draft invoices written \\(\\d+ lines\\)`));
    expect(text).toContain('Close 2026-10: invoice dates set');
    expect(text).toContain('Nothing was posted');
  });

  it('closes with a headed per-customer table: time and fees apart, held time in hours', () => {
    const text = demo.stdout;
    expect(text).toContain('2026-10 per customer, as the drafts stand (hours; amounts in SEK');
    expect(text).toMatch(
      / {2}Customer +Covered h +Prepaid h +Billed h +Time +Fees +Total +Held for review\n/,
    );
    expect(text).toContain('Total = Time + Fees');
    expect(text).toMatch(/Mälarstrand Handel AB( +0\.00){6} {2}\d+\.\d\d h on \d+ lines\n/);
    // The Patch customers' fees sit in their own column, their time beside it.
    expect(text).toMatch(/Östra Hamnen Fastigheter AB +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +495\.00 /);
    const held = /Sync 2026-10: .*, (\d+) timesheet lines held for review/.exec(text)?.[1];
    expect(text).toMatch(new RegExp(`All customers .* on ${held} lines\\n`));
  });

  it('writes the statements; a used-up pack names the pack that pays next', () => {
    const statements = demo.stdout
      .split('\n')
      .filter((line) => line.trim().endsWith('.html'))
      .map((line) => line.trim());
    expect(statements).toHaveLength(12);
    const page = readFileSync(statements[0] ?? '', 'utf8');
    expect(page.toLowerCase()).toContain('<!doctype html>');
    const bjork = readFileSync(
      statements.find((file) => file.endsWith('bjork-berg-konsult-ab-8.html')) ?? '',
      'utf8',
    );
    expect(bjork).toMatch(
      /The pack is used up; further work draws on SUPPORT-PACK-100 \(S00004\), which has \d+\.\d\d h left on 31 Oct 2026 and does not expire\./,
    );
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
