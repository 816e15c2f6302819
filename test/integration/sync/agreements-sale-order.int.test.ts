/**
 * Agreements from confirmed sale orders and subscriptions (`sources.tier.kind: sale_order`) on
 * the sandbox over real HTTP: the same plan and drafts as the partner tags, then subscription
 * dates on an Enterprise database.
 */
import type { TierSourceConfig } from '../../../src/config/agreements.schema';
import { useSandbox } from '../../support/start-sandbox';
import {
  AGREEMENT_PRODUCTS,
  agreementSourcesScenario,
  expectDraftsLikeTags,
  expectFeeOnlyCustomerAlone,
  expectPlansLikeTags,
  feeOnlyDraft,
  planJanuary,
  syncJanuary,
  withSource,
} from './agreement-sources';
import { SCENARIO_NOW, shippedConfig } from './connect';

const SOURCE: TierSourceConfig = { kind: 'sale_order', products: AGREEMENT_PRODUCTS };
const tags = shippedConfig();
const orders = withSource(tags, SOURCE);

describe('agreements from sale orders (Odoo 17, no subscriptions)', () => {
  const sandbox = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });

  it('plans exactly what the partner tags plan; quotations and cancelled orders do not count', async () => {
    await expectPlansLikeTags(sandbox(), orders);
  });

  it('dates each agreement from its order and names the order', async () => {
    const { facts } = await planJanuary(sandbox(), orders);
    const nordic = String(sandbox().store.ref('nordpatch'));
    expect(
      facts.agreements
        .filter((agreement) => agreement.customerId === nordic)
        .map(({ tier, validFrom, validTo, source, monthlyFee }) => ({
          tier,
          validFrom,
          validTo,
          source: source.replace(/S\d+/, 'S…'),
          monthlyFee,
        })),
    ).toEqual([
      {
        tier: 'patch',
        validFrom: '2025-03-01',
        validTo: null,
        source: 'sale order S…',
        monthlyFee: 49500,
      },
    ]);
  });

  it('reads one customer alone with the same plan', async () => {
    await expectFeeOnlyCustomerAlone(sandbox(), orders);
  });
});

describe('syncPeriod with agreements from sale orders', () => {
  const viaTags = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });
  const viaOrders = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });

  it('writes the drafts the partner tags write, the fee-only customer included', async () => {
    await expectDraftsLikeTags(viaTags(), viaOrders(), orders);
  });

  it("bills the order line's own price less its discount as the fee", async () => {
    const store = viaOrders().store;
    const quiet = store.ref('quiet');
    const lines = store.search('sale.order.line', [['order_id', '=', store.ref('order_quiet')]]);
    store.write('sale.order.line', lines, { price_unit: 600, discount: 10 });
    const written = await syncJanuary(viaOrders(), orders);
    expect(written.invoices.find((invoice) => invoice.customer === quiet)?.lines).toEqual(
      feeOnlyDraft(quiet, 540),
    );
  });
});

describe('agreements from subscriptions (Odoo 17 Enterprise)', () => {
  const sandbox = useSandbox({
    seed: agreementSourcesScenario('enterprise'),
    clock: SCENARIO_NOW,
    odooVersion: 17,
    helpdesk: 'enterprise',
  });

  it('plans what the partner tags plan while every subscription runs', async () => {
    await expectPlansLikeTags(sandbox(), orders);
  });

  it('runs a subscription from its start date to its end date', async () => {
    const store = sandbox().store;
    store.write('sale.order', [store.ref('order_nordic')], {
      is_subscription: true,
      subscription_state: '3_progress',
      start_date: '2026-01-16',
    });
    store.write('sale.order', [store.ref('order_fjord')], {
      is_subscription: true,
      subscription_state: '6_churn',
      start_date: '2025-05-01',
      end_date: '2026-01-20',
    });
    const { plan } = await planJanuary(sandbox(), orders);
    const planOf = (name: string) => plan.plans.find((entry) => entry.customer.name === name)?.plan;
    expect(planOf('Nordic Patch AB')?.feeLines).toEqual([
      expect.objectContaining({ tier: 'patch', amount: Math.round((49500 * 16) / 31) }),
    ]);
    // The order held Patch and Maintenance, both ended on the 20th: the 21st and 22nd are On Demand.
    const fjord = planOf('Fjord Maintenance AB');
    expect(fjord?.feeLines).toEqual([
      expect.objectContaining({ tier: 'patch', amount: Math.round((49500 * 20) / 31) }),
    ]);
    expect(fjord?.decisions.map((decision) => [decision.date, decision.tier])).toEqual([
      ['2026-01-14', 'maintenance'],
      ['2026-01-21', 'on_demand'],
      ['2026-01-22', 'on_demand'],
    ]);
  });
});
