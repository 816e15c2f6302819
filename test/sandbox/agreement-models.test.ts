/** The sandbox's OCA contracts and Enterprise subscriptions, as Tally reads agreements from them. */
import { startSandbox } from '../../src/sandbox';

describe('contract.contract and contract.line', () => {
  it('computes the unit price, the subtotal and the contract end as OCA contract does', async () => {
    const sandbox = await startSandbox({
      seed: 'demo',
      clock: () => new Date('2026-01-05T09:00:00Z'),
    });
    try {
      const store = sandbox.store;
      const product = store.create('product.product', { name: 'Patch', list_price: 495 });
      const contract = store.create('contract.contract', {
        name: 'Support',
        partner_id: store.ref('seed.acme'),
        contract_line_ids: [
          [
            0,
            0,
            {
              name: 'Patch',
              product_id: product,
              price_unit: 600,
              discount: 10,
              date_end: '2026-06-30',
            },
          ],
          [
            0,
            0,
            { name: 'Patch, list price', product_id: product, automatic_price: true, quantity: 2 },
          ],
        ],
      });
      const lines = store.searchRead(
        'contract.line',
        [['contract_id', '=', contract]],
        ['specific_price', 'price_unit', 'price_subtotal', 'date_start', 'date_end'],
        { order: 'id' },
      );
      expect(lines).toEqual([
        expect.objectContaining({
          specific_price: 600,
          price_unit: 600,
          price_subtotal: 540,
          date_start: '2026-01-05',
          date_end: '2026-06-30',
        }),
        expect.objectContaining({ price_unit: 495, price_subtotal: 990, date_end: false }),
      ]);
      const read = () => store.read('contract.contract', [contract], ['date_start', 'date_end'])[0];
      // One line without an end: the contract is open-ended.
      expect(read()).toMatchObject({ date_start: '2026-01-05', date_end: false });
      store.write('contract.line', [lines[1]?.id as number], { date_end: '2026-12-31' });
      expect(read()).toMatchObject({ date_end: '2026-12-31' });
      store.call('contract.line', 'unlink', [[lines[1]?.id as number]]);
      expect(read()).toMatchObject({ date_end: '2026-06-30' });
      expect(
        store.search('contract.line', [
          ['contract_id.commercial_partner_id', '=', store.ref('seed.acme')],
        ]),
      ).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });
});

describe('sale.order subscription fields', () => {
  it.each([
    { odooVersion: 16 as const, helpdesk: 'oca' as const, fields: [] },
    {
      odooVersion: 16 as const,
      helpdesk: 'enterprise' as const,
      fields: ['is_subscription', 'start_date'],
    },
    {
      odooVersion: 17 as const,
      helpdesk: 'enterprise' as const,
      fields: ['is_subscription', 'start_date', 'end_date', 'subscription_state'],
    },
  ])('Odoo $odooVersion $helpdesk has $fields', async ({ odooVersion, helpdesk, fields }) => {
    const sandbox = await startSandbox({ odooVersion, helpdesk, seed: 'empty' });
    try {
      const answer = sandbox.store.call('sale.order', 'fields_get', [], {
        attributes: ['type'],
      }) as Record<string, unknown>;
      const wanted = ['is_subscription', 'start_date', 'end_date', 'subscription_state'];
      expect(wanted.filter((field) => field in answer)).toEqual(fields);
      const modules = sandbox.store.searchRead(
        'ir.module.module',
        [
          ['name', '=', 'sale_subscription'],
          ['state', '=', 'installed'],
        ],
        ['name'],
      );
      expect(modules).toHaveLength(helpdesk === 'enterprise' ? 1 : 0);
    } finally {
      await sandbox.close();
    }
  });
});
