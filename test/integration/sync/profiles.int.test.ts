/**
 * The same demo data read through each helpdesk edition and version: field renames (ticket_ref,
 * helpdesk_ticket_id, product_uom_id), tag models and transports must not change the plans.
 */
import { period } from '../../../src/domain/types';
import { planPeriod } from '../../../src/sync/plan-period';
import { readPeriod } from '../../../src/sync/read-period';
import { startSandbox } from '../../support/start-sandbox';
import { connectTo, SCENARIO_NOW, shippedConfig } from './connect';

const config = shippedConfig();

async function planDemo(options: {
  odooVersion: 16 | 17 | 18 | 19;
  helpdesk: 'oca' | 'enterprise';
}) {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', clock: SCENARIO_NOW, ...options });
  const client = await connectTo(
    sandbox,
    undefined,
    options.odooVersion === 19 ? 'json2' : 'jsonrpc',
  );
  try {
    return planPeriod(
      await readPeriod(client, config, { period: period('2026-01') }),
      config.settings,
    );
  } finally {
    await client.close();
    await sandbox.close();
  }
}

/** Per customer: total amount and the minutes per line kind. */
function summary(plan: Awaited<ReturnType<typeof planDemo>>) {
  return plan.plans.map(({ customer, plan: invoice }) => ({
    customer: customer.name,
    amount: invoice.totals.amount,
    covered: invoice.totals.covered,
    drawn: invoice.totals.drawn,
    invoiced: invoice.totals.invoiced,
    tickets: invoice.sections.map((section) => section.title.replace(/^\S+ - /, '')),
  }));
}

describe('readPeriod across editions', () => {
  it.each([
    { odooVersion: 16, helpdesk: 'oca' },
    { odooVersion: 17, helpdesk: 'enterprise' },
    { odooVersion: 19, helpdesk: 'enterprise' },
  ] as const)('Odoo $odooVersion $helpdesk plans the demo like Odoo 17 OCA', async (options) => {
    const reference = await planDemo({ odooVersion: 17, helpdesk: 'oca' });
    const other = await planDemo(options);
    expect(summary(reference).map((entry) => [entry.customer, entry.tickets.length])).toEqual([
      ['Acme AB', 1],
      ['Nordic Patch AB', 1],
      ['Fjord Maintenance AB', 1],
    ]);
    expect(other.problems).toEqual([]);
    expect(summary(other)).toEqual(summary(reference));
  });
});
