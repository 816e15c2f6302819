/**
 * Agreements from OCA contracts (`sources.tier.kind: oca_contract`) on the sandbox over real HTTP:
 * the same plan as the partner tags, then the dates and prices of contract lines at work.
 */
import type { TierSourceConfig } from '../../../src/config/agreements.schema';
import { useSandbox } from '../../support/start-sandbox';
import {
  AGREEMENT_PRODUCTS,
  agreementSourcesScenario,
  expectDraftsLikeTags,
  expectFeeOnlyCustomerAlone,
  expectPlansLikeTags,
  planJanuary,
  syncJanuary,
  withSource,
} from './agreement-sources';
import { SCENARIO_NOW, shippedConfig } from './connect';

const SOURCE: TierSourceConfig = { kind: 'oca_contract', products: AGREEMENT_PRODUCTS };
const tags = shippedConfig();
const contracts = withSource(tags, SOURCE);

const sandbox = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });
const planWith = async (config = contracts, customerId?: number) =>
  (await planJanuary(sandbox(), config, customerId)).plan;

describe('agreements from OCA contracts', () => {
  it('plans exactly what the partner tags plan, fee-only customer included', async () => {
    await expectPlansLikeTags(sandbox(), contracts);
  });

  it('names the contract in the agreement that decided', async () => {
    const { facts } = await planJanuary(sandbox(), contracts);
    const fjord = facts.customers.find((customer) => customer.name === 'Fjord Maintenance AB');
    expect(
      facts.agreements
        .filter((agreement) => agreement.customerId === fjord?.id)
        .map(({ tier, validFrom, validTo, source, monthlyFee }) => ({
          tier,
          validFrom,
          validTo,
          source,
          monthlyFee,
        })),
    ).toEqual([
      {
        tier: 'patch',
        validFrom: '2025-05-01',
        validTo: null,
        source: 'contract C-FJORD',
        monthlyFee: 49500,
      },
      {
        tier: 'maintenance',
        validFrom: '2025-05-01',
        validTo: null,
        source: 'contract C-FJORD',
        monthlyFee: null,
      },
      {
        tier: 'maintenance',
        validFrom: '2024-01-01',
        validTo: '2024-12-31',
        source: 'contract C-FJORD',
        monthlyFee: null,
      },
    ]);
  });

  it('reads one customer alone with the same plan', async () => {
    await expectFeeOnlyCustomerAlone(sandbox(), contracts);
  });

  it("bills a line's own price from its start date, and ends the agreement with the line", async () => {
    const [nordicLine] = sandbox().store.search('contract.line', [
      ['contract_id', '=', sandbox().store.ref('contract_nordic')],
    ]);
    sandbox().store.write('contract.line', [nordicLine ?? 0], {
      price_unit: 595,
      date_start: '2026-01-16',
    });
    const [fjordPatch] = sandbox().store.search('contract.line', [
      ['contract_id', '=', sandbox().store.ref('contract_fjord')],
      ['product_id.default_code', '=', 'AGR-PATCH'],
    ]);
    sandbox().store.write('contract.line', [fjordPatch ?? 0], { date_end: '2026-01-20' });

    const result = await planWith();
    const planOf = (name: string) =>
      result.plans.find((entry) => entry.customer.name === name)?.plan;
    // 595 × 16/31 days, rounded half-up to the öre.
    expect(planOf('Nordic Patch AB')?.feeLines).toEqual([
      expect.objectContaining({ kind: 'fee', tier: 'patch', unitPrice: 30710, amount: 30710 }),
    ]);
    // Maintenance lasts, but without Patch after the 20th: January 21 and 22 go to review.
    const fjord = planOf('Fjord Maintenance AB');
    expect(fjord?.feeLines).toEqual([
      expect.objectContaining({ tier: 'patch', amount: Math.round((49500 * 20) / 31) }),
    ]);
    expect(fjord?.reviewItems.map((item) => [item.date, item.problems.map((p) => p.code)])).toEqual(
      [
        ['2026-01-21', ['AGREEMENT_MAINTENANCE_WITHOUT_PATCH']],
        ['2026-01-22', ['AGREEMENT_MAINTENANCE_WITHOUT_PATCH']],
      ],
    );
  });
});

describe('syncPeriod with agreements from OCA contracts', () => {
  const viaTags = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });
  const viaContracts = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });

  it('writes the drafts the partner tags write, the fee-only customer included', async () => {
    await expectDraftsLikeTags(viaTags(), viaContracts(), contracts);
  });

  it("updates the fee line of the draft when the contract line's price and start change", async () => {
    const store = viaContracts().store;
    const nordic = store.ref('nordpatch');
    const lines = store.search('contract.line', [
      ['contract_id', '=', store.ref('contract_nordic')],
    ]);
    store.write('contract.line', lines, { price_unit: 595, date_start: '2026-01-16' });
    const written = await syncJanuary(viaContracts(), contracts);
    const fees = written.invoices
      .find((invoice) => invoice.customer === nordic)
      ?.lines.filter(([key]) => String(key).includes(':fee:'));
    expect(fees).toEqual([
      [
        `tally:v1:${nordic}:2026-01:-:fee:patch`,
        'Patch Agreement, monthly fee 2026-01 (16/31 days)',
        1,
        307.1,
        0,
      ],
    ]);
  });
});
