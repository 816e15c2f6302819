/**
 * Issue 13, item 8: partner tags carry no dates, so a tag agreement starts on the day the customer
 * was created in Odoo. Backfilling a month from before then bills no monthly fee and covers no
 * time; `sources.tier.validFrom` says when tags held for an imported database, and
 * `billing.startDate` holds every agreement back to the day billing began.
 */
import { period, type Period } from '../../../src/domain/types';
import { planPeriod } from '../../../src/sync/plan-period';
import { readPeriod, type ReadPeriodConfig } from '../../../src/sync/read-period';
import { useSandbox } from '../../support/start-sandbox';
import { agreementSourcesScenario } from './agreement-sources';
import { connectTo, SCENARIO_NOW, shippedConfig } from './connect';

/** Every customer is created on 16 January 2026 at 10:00 Stockholm time. */
const CREATED = '2026-01-16 09:00:00';

describe('tag agreements start when the customer was created', () => {
  const sandbox = useSandbox({
    seed: { ...agreementSourcesScenario(), createdAt: CREATED },
    clock: SCENARIO_NOW,
  });
  const tags = shippedConfig();

  async function plan(target: string, config: ReadPeriodConfig) {
    const client = await connectTo(sandbox());
    try {
      const facts = await readPeriod(client, config, { period: period(target) as Period });
      const plans = planPeriod(facts, config.settings).plans;
      const fees = plans.flatMap(({ customer, plan }) =>
        plan.feeLines.map((line) => ({ customer: customer.name, amount: Number(line.amount) })),
      );
      return { facts, plans, fees };
    } finally {
      await client.close();
    }
  }
  const feeOf = (fees: { customer: string; amount: number }[], customer: string) =>
    fees.filter((fee) => fee.customer === customer).map((fee) => fee.amount);
  const withTagsFrom = (validFrom: string | null, billingStartDate: string | null = null) => {
    const tier = tags.sources.tier;
    if (tier.kind !== 'partner_tags') throw new Error('the shipped config reads partner tags');
    return {
      ...tags,
      sources: { ...tags.sources, tier: { ...tier, validFrom } },
      billingStartDate,
    };
  };

  it('bills no fee for a month before any customer existed (a backfill of 2025-05)', async () => {
    const { plans, fees } = await plan('2025-05', tags);
    // With the customers' own start, 2025-05 has no one to bill (there is no work then either).
    expect(plans).toEqual([]);
    expect(fees).toEqual([]);
    expect((await plan('2025-05', withTagsFrom('2025-01-01'))).plans.length).toBeGreaterThan(0);
  });

  it('bills the month the customer was created from that day, and covers no time before it', async () => {
    const { facts, fees, plans } = await plan('2026-01', tags);
    expect(new Set(facts.agreements.map((agreement) => agreement.validFrom))).toEqual(
      new Set(['2026-01-16']),
    );
    // Quiet AB holds only a Patch tag: 16 of January's 31 days of the 495.00 fee.
    expect(feeOf(fees, 'Quiet AB')).toEqual([Math.round((49_500 * 16) / 31)]);
    const nordic = plans.find(({ customer }) => customer.name === 'Nordic Patch AB');
    const early = nordic?.plan.decisions.filter((decision) => decision.date < '2026-01-16') ?? [];
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((decision) => decision.tier === 'on_demand')).toBe(true);
  });

  it('takes sources.tier.validFrom instead, for customers created after their history', async () => {
    const { fees } = await plan('2025-05', withTagsFrom('2025-01-01'));
    expect(feeOf(fees, 'Quiet AB')).toEqual([49_500]);
  });

  it('never bills an agreement before billing.startDate, whatever its own start', async () => {
    const { fees, plans } = await plan('2026-01', withTagsFrom('2025-01-01', '2026-02-01'));
    expect(fees).toEqual([]);
    expect(
      plans.every(({ plan }) => plan.decisions.every((decision) => decision.tier === 'on_demand')),
    ).toBe(true);
  });
});
