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
    expect(result.stdout).toMatch(/2026-01 {2}Acme AB \(4\): draft would be created/);
    expect(result.stdout).not.toMatch(/draft created/);
    expect(result.stdout).toMatch(/Dry run: nothing was written/);
    expect(tallyState(sandbox()).invoices).toEqual([]);
  });

  it('--dry-run lists every write it would make, per record, in text and JSON', async () => {
    const text = await runCli(['sync', '--period', '2026-01', '--dry-run'], env());
    expect(text.stdout).toMatch(/^2026-01 {2}writes it would make \(\d+\):$/m);
    expect(text.stdout).toMatch(
      /^ {2}create account\.move: move_type, partner_id, x_tally_key, invoice_line_ids[^(]* \(draft for Acme AB \(4\), key tally:v1:4:2026-01, \d+ line\(s\)\)$/m,
    );
    expect(text.stdout).toMatch(
      /^ {2}write account\.analytic\.line [\d, ]+: [a-z_, ]*x_tally_coverage/m,
    );

    const json = await runCli(['sync', '--period', '2026-01', '--dry-run', '--json'], env());
    const summary = JSON.parse(json.stdout) as {
      dryRun: boolean;
      writes: { period: string; model: string; action: string; ids: number[]; fields: string[] }[];
    };
    expect(summary.dryRun).toBe(true);
    const created = summary.writes.filter(
      (write) => write.model === 'account.move' && write.action === 'create',
    );
    // One draft per customer with a charge, each created exactly once.
    expect(created).toHaveLength(4);
    expect(summary.writes).toContainEqual(
      expect.objectContaining({
        period: '2026-01',
        model: 'account.analytic.line',
        action: 'write',
        fields: expect.arrayContaining(['x_tally_coverage']) as unknown,
      }),
    );
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
