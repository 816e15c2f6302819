import { runCli } from '../support/cli';

describe('tally demo (what npm start runs)', () => {
  it('reads the sandbox, classifies every hour and prints each customer’s planned draft', async () => {
    const result = await runCli(['demo']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Dry run for 2026-01 (SEK, Europe/Stockholm)');
    expect(out).toMatch(/Prepaid SUPPORT-PACK-25 \(S\d+\): 1\.50 h drawn, 23\.50 h left/);
    expect(out).toContain(
      'Patching: covered by Patch Agreement | 2.00 h × 950.00 (100 % discount) = 0.00',
    );
    expect(out).toContain('Data import: billed hourly | 3.00 h × 950.00 = 2850.00');
    expect(out).toContain('Patch Agreement, monthly fee 2026-01 | 1 × 495.00 = 495.00');
    expect(out).toContain('Dry run: nothing was written.');
  });

  it('plans the same drafts over JSON-2 on an Odoo 19 sandbox', async () => {
    const result = await runCli(['demo', '--odoo-version', '19']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('over json2');
    expect(result.stdout).toContain('Data import: billed hourly | 3.00 h × 950.00 = 2850.00');
  });

  it('refuses a malformed period with exit status 2', async () => {
    const result = await runCli(['demo', '--period', '2026-13']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--period: must be YYYY-MM');
  });
});
