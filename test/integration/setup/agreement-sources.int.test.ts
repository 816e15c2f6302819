/**
 * `tally setup` against the agreement sources other than partner tags: the module each needs, the
 * agreement products it names by internal reference, and the customers of a static list.
 */
import type { TierSourceConfig } from '../../../src/config/agreements.schema';
import { startSandbox, type Sandbox } from '../../support/start-sandbox';
import { agreementSourcesScenario, configWithSource } from '../sync/agreement-sources';
import { checkOf, setupOn, shippedConfig } from './harness';

const PRODUCTS = { patch: ['AGR-PATCH'], maintenance: ['AGR-MAINT', 'AGR-MAINT-OLD'] };

describe('setup with agreements from contracts, sale orders or the config', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: agreementSourcesScenario() });
  });
  afterAll(() => sandbox.close());

  const setupWith = (source: TierSourceConfig) =>
    setupOn(sandbox, { config: configWithSource(shippedConfig(), source) });

  it.each([
    { kind: 'oca_contract' as const, module: 'contract' },
    { kind: 'sale_order' as const, module: 'sale' },
  ])(
    '$kind: checks $module and every agreement product the config names',
    async ({ kind, module }) => {
      const { report } = await setupWith({ kind, products: PRODUCTS });
      expect(checkOf(report, `module:${module}`).status).toBe('ok');
      expect(checkOf(report, 'product:AGR-PATCH')).toMatchObject({ status: 'ok' });
      expect(checkOf(report, 'product:AGR-MAINT')).toMatchObject({ status: 'ok' });
      expect(checkOf(report, 'product:AGR-MAINT-OLD')).toMatchObject({
        status: 'fail',
        message: expect.stringContaining('No product has the internal reference AGR-MAINT-OLD'),
        fix: 'Create the product with internal reference AGR-MAINT-OLD in Sales → Products.',
      });
      expect(report.ready).toBe(false);
    },
  );

  it('static: checks that every customer the list names by id or reference is one customer', async () => {
    const store = sandbox.store;
    store.write('res.partner', [store.ref('plain'), store.ref('mono')], { ref: 'SHARED' });
    // A contact sharing its company's reference still names that one customer.
    store.write('res.partner', [store.ref('acme_jane')], { ref: 'ACME' });
    const { report } = await setupWith({
      kind: 'static',
      agreements: [
        { customer: 'QUIET', tier: 'patch', validFrom: null, validTo: null },
        { customer: sandbox.store.ref('nordpatch'), tier: 'patch', validFrom: null, validTo: null },
        { customer: 'NOPE', tier: 'patch', validFrom: null, validTo: null },
        { customer: 'SHARED', tier: 'patch', validFrom: null, validTo: null },
        { customer: 'ACME', tier: 'patch', validFrom: null, validTo: null },
      ],
    });
    expect(checkOf(report, 'customer:QUIET').status).toBe('ok');
    expect(checkOf(report, `customer:${sandbox.store.ref('nordpatch')}`).status).toBe('ok');
    expect(checkOf(report, 'customer:NOPE')).toMatchObject({
      status: 'fail',
      message: 'No contact has the internal reference "NOPE" named in sources.tier.agreements.',
    });
    expect(checkOf(report, 'customer:SHARED')).toMatchObject({
      status: 'fail',
      message:
        'Contacts of 2 different customers have the internal reference "SHARED" named in sources.tier.agreements, so the sync cannot tell which holds the agreement.',
      fix: 'Give each customer its own internal reference, or name the customer by id.',
    });
    expect(checkOf(report, 'customer:ACME').status).toBe('ok');
  });
});
