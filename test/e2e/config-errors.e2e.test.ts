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
