/**
 * Agreements listed in the config (`sources.tier.kind: static`) on the sandbox over real HTTP:
 * customers by internal reference or id, the same plan and drafts as the partner tags, dates from
 * the config, and a clear stop for a customer Odoo does not have.
 */
import { isTallyError } from '../../../src/shared/errors';
import { useSandbox } from '../../support/start-sandbox';
import {
  agreementSourcesScenario,
  expectDraftsLikeTags,
  expectFeeOnlyCustomerAlone,
  expectPlansLikeTags,
  planJanuary,
  staticSource,
  withSource,
} from './agreement-sources';
import { SCENARIO_NOW, shippedConfig } from './connect';

const tags = shippedConfig();

describe('agreements listed in the config', () => {
  const sandbox = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });
  const listed = () => withSource(tags, staticSource(sandbox()));

  it('plans exactly what the partner tags plan, fee-only customer included', async () => {
    await expectPlansLikeTags(sandbox(), listed());
  });

  it('gives each entry to the commercial partner it names, with the dates of the config', async () => {
    const { facts } = await planJanuary(sandbox(), listed());
    const nameOf = new Map(facts.customers.map((customer) => [customer.id, customer.name]));
    expect(
      facts.agreements.map((agreement) => [
        agreement.id,
        nameOf.get(agreement.customerId),
        agreement.tier,
        agreement.validFrom,
      ]),
    ).toEqual([
      ['static:1', 'Acme AB', 'on_demand', null],
      ['static:2', 'Nordic Patch AB', 'patch', '2025-03-01'],
      ['static:3', 'Fjord Maintenance AB', 'patch', null],
      ['static:4', 'Fjord Maintenance AB', 'maintenance', '2025-05-01'],
      ['static:5', 'Mono AB', 'maintenance', null],
      ['static:6', 'Quiet AB', 'patch', null],
      ['static:7', 'Plain AB', 'maintenance', '2026-03-01'],
    ]);
  });

  it('reads one customer alone with the same plan', async () => {
    await expectFeeOnlyCustomerAlone(sandbox(), listed());
  });

  it('bills the fee for the days of an agreement that starts in the month', async () => {
    const source = staticSource(sandbox());
    if (source.kind !== 'static') throw new Error('expected a static source');
    const agreements = source.agreements.map((entry) =>
      entry.customer === 'QUIET' ? { ...entry, validFrom: '2026-01-16' } : entry,
    );
    const { plan } = await planJanuary(sandbox(), withSource(tags, { kind: 'static', agreements }));
    const quiet = plan.plans.find((entry) => entry.customer.name === 'Quiet AB')?.plan;
    expect(quiet?.feeLines).toEqual([
      expect.objectContaining({
        tier: 'patch',
        label: 'Patch Agreement, monthly fee 2026-01 (16/31 days)',
        amount: Math.round((49500 * 16) / 31),
      }),
    ]);
  });

  it('stops with SYNC_SETUP_INVALID naming a customer Odoo does not have', async () => {
    const config = withSource(tags, {
      kind: 'static',
      agreements: [
        { customer: 'ACME', tier: 'on_demand', validFrom: null, validTo: null },
        { customer: 'NOPE', tier: 'patch', validFrom: null, validTo: null },
        { customer: 999999, tier: 'patch', validFrom: null, validTo: null },
      ],
    });
    const error: unknown = await planJanuary(sandbox(), config).catch((caught: unknown) => caught);
    expect(isTallyError(error) && { code: error.code, message: error.userMessage }).toEqual({
      code: 'SYNC_SETUP_INVALID',
      message:
        'Static agreements name customers Odoo does not have as one contact (agreements[1] names internal reference "NOPE": no contact; agreements[2] names id 999999: no contact): correct sources.tier.agreements or the contacts\' internal references.',
    });
  });
});

describe('syncPeriod with agreements listed in the config', () => {
  const viaTags = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });
  const viaList = useSandbox({ seed: agreementSourcesScenario(), clock: SCENARIO_NOW });

  it('writes the drafts the partner tags write, the fee-only customer included', async () => {
    await expectDraftsLikeTags(viaTags(), viaList(), withSource(tags, staticSource(viaList())));
  });
});
