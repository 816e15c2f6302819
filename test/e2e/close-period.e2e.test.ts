import type { Sandbox } from '../../src/sandbox';
import { runCli } from '../support/cli';
import { tallyState } from '../support/tally-state';
import { PERIOD, scenarioSandbox } from './faults/fault-scenario';

const odooEnv = (sandbox: Sandbox) => ({
  ODOO_URL: sandbox.url,
  ODOO_DB: sandbox.db,
  ODOO_LOGIN: sandbox.login,
  ODOO_API_KEY: sandbox.apiKey,
});

const ACME = 4;

interface ClosedJson {
  period: string;
  customers: {
    customerId: number;
    customer: string;
    invoiceId: number | null;
    reviewActivities: number;
  }[];
}

describe('tally close-period inline (built CLI, sandbox)', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await scenarioSandbox();
  });

  afterAll(async () => {
    await sandbox.close();
  });

  const reviewActivities = () =>
    tallyState(sandbox).activities.filter(
      ([model, , summary]) =>
        model === 'account.move' && summary === `Tally: review and post the ${PERIOD} invoice`,
    );

  it('--customer closes one customer only: its draft dated, one review activity', async () => {
    const result = await runCli(
      ['close-period', '--period', PERIOD, '--customer', String(ACME)],
      odooEnv(sandbox),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${PERIOD} {2}Acme AB \\(${ACME}\\): draft \\d+ \\(.+\\) dated the month's last day, review activity for finance created`,
        'm',
      ),
    );
    expect(result.stdout).toMatch(/Closed 2026-01 for 1 customer\(s\): 1 draft\(s\) ready/);
    expect(reviewActivities()).toHaveLength(1);
    const acme = tallyState(sandbox).invoices.filter((invoice) => invoice.customer === ACME);
    expect(acme).toHaveLength(1);
  });

  it('closes every customer of the period; each draft gets one activity, Acme none again', async () => {
    const result = await runCli(['close-period', '--period', PERIOD, '--json'], odooEnv(sandbox));
    expect(result.code).toBe(0);
    const closed = JSON.parse(result.stdout) as ClosedJson;
    expect(closed.period).toBe(PERIOD);
    const drafts = closed.customers.filter((entry) => entry.invoiceId !== null);
    expect(drafts.length).toBe(tallyState(sandbox).invoices.length);
    expect(closed.customers.find((entry) => entry.customerId === ACME)).toMatchObject({
      reviewActivities: 0,
    });
    expect(closed.customers.some((entry) => entry.invoiceId === null)).toBe(true);
    expect(reviewActivities()).toHaveLength(drafts.length);
    const dated = sandbox.store.searchRead(
      'account.move',
      [['x_tally_key', '!=', false]],
      ['invoice_date'],
    ) as { invoice_date: string }[];
    expect(dated.map((move) => move.invoice_date)).toEqual(dated.map(() => '2026-01-31'));
  });

  it('a second close writes nothing', async () => {
    const writes = sandbox.stats.writes;
    const result = await runCli(['close-period', '--period', PERIOD], odooEnv(sandbox));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('finance already asked to review it');
    expect(sandbox.stats.writes).toBe(writes);
  });

  it('bad flags exit 2 and name the flag; the API key is never printed', async () => {
    const result = await runCli(['close-period', '--period', '2026-13'], odooEnv(sandbox));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--period: must be YYYY-MM/);
    const customer = await runCli(
      ['close-period', '--period', PERIOD, '--customer', 'acme'],
      odooEnv(sandbox),
    );
    expect(customer.code).toBe(2);
    expect(customer.stderr).toMatch(/--customer: must be the Odoo id of a customer/);
    expect(result.stdout + result.stderr + customer.stderr).not.toContain(sandbox.apiKey);
  });
});
