/**
 * The agreements config against the database: products by internal reference (and creating the
 * missing ones with each version's fields), tier tags, and the names the rules use.
 */
import type { AgreementsConfig } from '../../../src/config/agreements.schema';
import { startSandbox, type Sandbox } from '../../support/start-sandbox';
import { checkOf, setupOn, shippedConfig } from './harness';

function withConfig(
  change: (config: AgreementsConfig) => Partial<AgreementsConfig>,
): AgreementsConfig {
  const config = shippedConfig();
  return { ...config, ...change(config) };
}

describe('products and names the config uses', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'oca', seed: 'demo' });
  });
  afterAll(() => sandbox.close());

  it('reports an unknown product code by name and says how to fix it', async () => {
    const config = withConfig((c) => ({ sources: { ...c.sources, hourlyProductCode: 'HOUR-X' } }));
    const { report } = await setupOn(sandbox, { config });
    expect(report.ready).toBe(false);
    expect(checkOf(report, 'product:HOUR-X')).toEqual({
      id: 'product:HOUR-X',
      area: 'products',
      status: 'fail',
      message:
        'No product has the internal reference HOUR-X (the hourly product of billed time, named in the agreements config).',
      fix: 'Create it with internal reference HOUR-X, or run tally setup --create-products.',
    });
    expect(checkOf(report, 'product:SUPPORT-PACK-25').status).toBe('ok');
  });

  it('reports a tier tag that does not exist', async () => {
    const config = withConfig((c) => ({
      sources: {
        ...c.sources,
        tier: {
          kind: 'partner_tags',
          tags: { ...tagsOf(c), patch: 'Patch Agreemnt' },
          validFrom: null,
        },
      },
    }));
    const { report } = await setupOn(sandbox, { config });
    expect(checkOf(report, 'tag:patch')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('No partner tag is named "Patch Agreemnt"'),
    });
    expect(checkOf(report, 'tag:maintenance').status).toBe('ok');
  });

  it('checks the ticket categories and tags the rules name (case and spacing as the rules match)', async () => {
    const config = withConfig(() => ({
      rules: [
        { id: 'fixes', category: 'bug_fix', when: { ticketCategory: ['bug_fix', 'Upgrade'] } },
        { id: 'vip', category: 'user_support', when: { ticketTags: ['VIP'], team: ['Support'] } },
      ],
    }));
    const { report } = await setupOn(sandbox, { config });
    expect(checkOf(report, 'rule:fixes:ticketCategory').status).toBe('ok');
    expect(checkOf(report, 'rule:vip:team').status).toBe('ok');
    expect(checkOf(report, 'rule:vip:ticketTags')).toMatchObject({
      status: 'fail',
      message: 'Rule vip names "VIP", but no ticket tag (helpdesk.ticket.tag) is named so.',
      fix: 'Create the ticket tag in the Helpdesk configuration, or correct rules[1].when.ticketTags.',
    });
  });
});

function tagsOf(config: AgreementsConfig): Record<string, string> {
  if (config.sources.tier.kind !== 'partner_tags') throw new Error('expected partner tags');
  return config.sources.tier.tags;
}

it('says Enterprise Helpdesk has no ticket categories to match on', async () => {
  const sandbox = await startSandbox({ odooVersion: 18, helpdesk: 'enterprise', seed: 'demo' });
  try {
    const config = withConfig(() => ({
      rules: [{ id: 'fixes', category: 'bug_fix', when: { ticketCategory: ['Bug fix'] } }],
    }));
    const { report } = await setupOn(sandbox, { config });
    expect(checkOf(report, 'rule:fixes:ticketCategory')).toMatchObject({
      status: 'fail',
      message: 'Rule fixes matches on ticket categories, which this helpdesk does not have.',
    });
  } finally {
    await sandbox.close();
  }
});

describe.each([16, 19] as const)('--create-products on an empty Odoo %i', (odooVersion) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ odooVersion, helpdesk: 'oca', seed: 'empty' });
  });
  afterAll(() => sandbox.close());

  const config = withConfig((c) => ({ billing: { ...c.billing, hourlyRate: '950' } }));

  it('creates the hourly and pack products with the fields this version has', async () => {
    const { report } = await setupOn(sandbox, { config, setup: { createProducts: true } });
    const created = report.changes.filter((change) => change.model === 'product.product');
    expect(created.map((change) => change.name)).toEqual([
      'SUPPORT-HOUR',
      'SUPPORT-PACK-25',
      'SUPPORT-PACK-100',
    ]);
    for (const code of ['SUPPORT-HOUR', 'SUPPORT-PACK-25', 'SUPPORT-PACK-100']) {
      expect(checkOf(report, `product:${code}`).status).toBe('ok');
    }
    const fields = [
      'default_code',
      'name',
      'type',
      'list_price',
      'uom_id',
      'invoice_policy',
      'service_type',
      'service_policy',
      'service_tracking',
    ];
    const versioned = odooVersion <= 17 ? ['detailed_type', 'uom_po_id'] : [];
    const products = sandbox.store.searchRead(
      'product.product',
      [['default_code', 'like', 'SUPPORT-']],
      [...fields, ...versioned],
      { order: 'id' },
    );
    const hours = [sandbox.store.ref('uom.product_uom_hour'), 'Hours'];
    const shared = {
      type: 'service',
      uom_id: hours,
      service_tracking: 'no',
      ...(odooVersion <= 17 ? { detailed_type: 'service', uom_po_id: hours } : {}),
    };
    expect(products).toEqual([
      expect.objectContaining({
        ...shared,
        default_code: 'SUPPORT-HOUR',
        name: 'Support hour',
        list_price: 950,
        invoice_policy: 'delivery',
        service_policy: 'delivered_manual',
      }),
      expect.objectContaining({
        ...shared,
        default_code: 'SUPPORT-PACK-25',
        name: 'Support Pack 25 h',
        invoice_policy: 'order',
        service_type: 'timesheet',
        service_policy: 'ordered_prepaid',
      }),
      expect.objectContaining({ ...shared, default_code: 'SUPPORT-PACK-100' }),
    ]);
    if (odooVersion >= 19) {
      const productFields = sandbox.store.call('product.product', 'fields_get', [], {
        attributes: ['type'],
      }) as Record<string, unknown>;
      expect(productFields).not.toHaveProperty('detailed_type');
    }
  });

  it('creates nothing on the next run', async () => {
    const { report, writes } = await setupOn(sandbox, { config, setup: { createProducts: true } });
    expect(report.changes).toEqual([]);
    expect(writes).toBe(0);
  });

  it('finds the sales journal a fresh database with Invoicing has (odoo-verified.md)', async () => {
    const { report } = await setupOn(sandbox, { config });
    expect(checkOf(report, 'journal:sale').status).toBe('ok');
  });

  it('says a database without a chart of accounts has no sales journal', async () => {
    const journals = sandbox.store.search('account.journal', [['type', '=', 'sale']]);
    sandbox.store.write('account.journal', journals, { active: false });
    try {
      const { report } = await setupOn(sandbox, { config });
      expect(checkOf(report, 'journal:sale')).toMatchObject({
        status: 'fail',
        fix: expect.stringContaining('install a chart of accounts'),
      });
    } finally {
      sandbox.store.write('account.journal', journals, { active: true });
    }
  });
});

it('creates an hourly product without a rate, and asks for its sales price', async () => {
  const sandbox = await startSandbox({ odooVersion: 17, helpdesk: 'enterprise', seed: 'empty' });
  try {
    const { report } = await setupOn(sandbox, { setup: { createProducts: true } });
    expect(checkOf(report, 'product:SUPPORT-HOUR')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('its sales price is the hourly rate Tally bills'),
      fix: 'Set the sales price of SUPPORT-HOUR, or billing.hourlyRate in the agreements config.',
    });
    expect(report.changes.map((change) => change.name)).toContain('SUPPORT-HOUR');
  } finally {
    await sandbox.close();
  }
});
