/**
 * `tally demo --odoo` against a sandbox standing in for a real database: it loads the demo company
 * over RPC, runs the story, finds no difference with the sandbox's own story, and refuses a
 * database that already holds customers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { odooEnvFor, runCli } from '../support/cli';
import { startSandbox } from '../support/start-sandbox';

it('loads the demo company into an empty database, runs the story and finds no difference', async () => {
  const sandbox = await startSandbox({ odooVersion: 18, seed: 'empty' });
  const out = await mkdtemp(path.join(tmpdir(), 'tally-demo-odoo-'));
  try {
    const result = await runCli(['demo', '--odoo', '--out', out], odooEnvFor(sandbox, 'password'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Loading the demo company into ${sandbox.db} on Odoo 18.0`);
    expect(result.stdout).toMatch(/Loaded \d+ records in \d+ calls\./);
    expect(result.stdout).toContain('Close 2026-10: invoice dates set');
    expect(result.stdout).toMatch(
      /The sandbox \(Odoo 18, oca\) ran the same story to the same \d+ rows/,
    );

    const again = await runCli(['demo', '--odoo', '--out', out], odooEnvFor(sandbox, 'password'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /The database tally already holds 12 customer companies and \d+ customer invoices; load the demo company into a new, disposable database, or pass --force/,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
    await sandbox.close();
  }
});
