import { assertCliBuilt, runCli } from '../support/cli';
import { useSandbox } from '../support/start-sandbox';
import { tallyState } from '../support/tally-state';
import { SCENARIO_NOW } from '../integration/sync/connect';
import { writeScenario } from '../integration/write/write-scenario';

describe('tally sync (built CLI)', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const env = () => ({
    ODOO_URL: sandbox().url,
    ODOO_DB: sandbox().db,
    ODOO_LOGIN: sandbox().login,
    ODOO_API_KEY: sandbox().apiKey,
  });

  beforeAll(() => assertCliBuilt());

  it('needs tally setup first, and says so', async () => {
    const result = await runCli(['sync', '--period', '2026-01'], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/run `tally setup`/);
  });

  it('tally setup creates what sync needs', async () => {
    const setup = await runCli(['setup'], env());
    expect(setup.code).toBe(0);
  });

  it('--dry-run prints what it would do and writes nothing', async () => {
    const result = await runCli(['sync', '--period', '2026-01', '--dry-run'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2026-01 {2}Acme AB \(4\): draft created/);
    expect(result.stdout).toMatch(/Dry run: nothing was written/);
    expect(tallyState(sandbox()).invoices).toEqual([]);
  });

  it('writes the drafts, and a second run writes nothing (--json)', async () => {
    const first = await runCli(['sync', '--period', '2026-01', '--json'], env());
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as { writeCalls: number; customers: unknown[] };
    expect(summary.writeCalls).toBeGreaterThan(0);
    expect(summary.customers).toContainEqual(
      expect.objectContaining({ customer: 'Mono AB', draft: 'none', reviewLines: 1 }),
    );
    expect(tallyState(sandbox()).invoices).toHaveLength(4);
    const second = await runCli(['sync', '--period', '2026-01', '--json'], env());
    expect(JSON.parse(second.stdout)).toMatchObject({ writeCalls: 0 });
  });

  it('never prints the API key, and bad flags exit 2', async () => {
    const result = await runCli(['sync', '--period', '2026-13'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/period/);
    expect(result.stdout + result.stderr).not.toContain(sandbox().apiKey);
  });
});
