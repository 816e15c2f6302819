import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startCli, type RunningCli } from '../support/cli';
import { HANG_MS } from '../support/hang';
import { readmeSectionBlocks } from '../support/readme-commands';

/** The words after `npx tally`, as a shell would split them (the README quotes nothing). */
const argsOf = (line: string): string[] => line.replace(/^npx tally\s*/, '').split(/\s+/);

describe('the README\'s "Running tally" commands, run as printed', () => {
  const [build, sandboxBlock, tryBlock] = readmeSectionBlocks('Running `tally`');
  let sandbox: RunningCli | undefined;
  let env: NodeJS.ProcessEnv = {};
  const cwd = mkdtempSync(path.join(tmpdir(), 'tally-readme-'));

  beforeAll(async () => {
    const [start] = sandboxBlock ?? [];
    expect(start).toMatch(/^npx tally sandbox/);
    // Port 0 is the one change: the printed default (8069) may be taken on a test machine.
    const started = await startCli([...argsOf(start!), '--port', '0'], /ODOO_API_KEY=\S+\n/);
    sandbox = started;
    // The block the sandbox prints is what a user pastes: take it as printed.
    env = { ODOO_PASSWORD: '', ODOO_PROTOCOL: '', TALLY_CONFIG: '', TALLY_CONNECTION: '' };
    for (const match of started.output().matchAll(/^export (\w+)=(\S+)$/gm)) {
      env[match[1]!] = match[2]!;
    }
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('builds, then runs tally through npx', async () => {
    expect(build).toEqual(['npm ci && npm run build', 'npx tally --help']);
    const help = await runCli(argsOf(build![1]!));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: tally');
  });

  it('sets up, syncs, reports, explains, writes statements and closes the month', async () => {
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['ODOO_URL', 'ODOO_DB', 'ODOO_LOGIN', 'ODOO_API_KEY']),
    );
    expect(tryBlock?.length).toBeGreaterThanOrEqual(5);
    for (const line of tryBlock ?? []) {
      const result = await runCli(argsOf(line), env, HANG_MS, cwd);
      expect({ line, code: result.code, stderr: result.stderr }).toEqual({
        line,
        code: 0,
        stderr: '',
      });
    }
  });
});
