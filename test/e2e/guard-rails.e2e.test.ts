/**
 * Issue 15, "Guard rails": sync and close-period refuse, with exit status 2 and a sentence naming
 * what to give instead, a customer id that is no customer company, a period that has not begun
 * and a month that is not over; none of them writes anything.
 */
import { DateTime } from 'luxon';
import { odooEnvFor, runCli } from '../support/cli';
import { useSandbox } from '../support/start-sandbox';

describe('guard rails of sync and close-period', () => {
  const sandbox = useSandbox({ seed: 'demo' });
  const tally = async (args: string[]) => {
    const writesBefore = sandbox().stats.writes;
    const result = await runCli(args, odooEnvFor(sandbox()));
    expect(sandbox().stats.writes).toBe(writesBefore);
    return result;
  };
  const thisMonth = DateTime.now().setZone('Europe/Stockholm').toFormat('yyyy-LL');

  it.each([
    [['sync', '--period', '2026-01', '--customer', '99999']],
    [['close-period', '--period', '2026-01', '--customer', '99999']],
  ])('refuses a customer id no partner has: %j', async (args) => {
    const result = await tally(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--customer 99999: no partner has that id in Odoo');
  });

  it('refuses a contact and names the company Tally invoices', async () => {
    const contact = sandbox().store.ref('seed.acme_jane');
    const company = sandbox().store.ref('seed.acme');
    const result = await tally(['sync', '--period', '2026-01', '--customer', String(contact)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `is a contact of Acme AB, which Tally invoices; use --customer ${company}.`,
    );
  });

  it('refuses a period that has not begun unless --allow-future', async () => {
    const result = await tally(['sync', '--period', '2062-10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--period 2062-10 has not begun');
    expect(result.stderr).toContain('--allow-future');
  });

  it('refuses to close the month that is still running unless --force', async () => {
    const result = await tally(['close-period', '--period', thisMonth]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--period ${thisMonth} is not over`);
    expect(result.stderr).toContain('--force');
  });
});
