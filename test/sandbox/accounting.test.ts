import { useSandbox } from '../support/start-sandbox';
import { executeKw, executeKwError } from './rpc-clients';

describe('invoices, prepaid hours and invoiced timesheets', () => {
  const sandbox = useSandbox({ seed: 'demo' });

  const draftInvoice = async (extra: Record<string, unknown> = {}): Promise<number> => {
    const s = sandbox();
    return (await executeKw(s, 'account.move', 'create', [
      {
        move_type: 'out_invoice',
        partner_id: s.store.ref('acme'),
        invoice_line_ids: [
          [0, 0, { display_type: 'line_section', name: 'HT00001 VPN down' }],
          [
            0,
            0,
            {
              product_id: s.store.ref('product_support_hour'),
              name: 'Billed',
              quantity: 1.5,
              price_unit: 950,
            },
          ],
          [
            0,
            0,
            {
              product_id: s.store.ref('product_support_hour'),
              name: 'Covered',
              quantity: 2,
              price_unit: 950,
              discount: 100,
            },
          ],
          [0, 0, { name: 'No tax', quantity: 1, price_unit: 100, tax_ids: [[6, 0, []]] }],
          [0, 0, { display_type: 'line_note', name: 'Hours from timesheets' }],
        ],
        ...extra,
      },
    ])) as number;
  };

  it('computes draft totals, zero subtotal at 100 % discount, and section/note lines without account', async () => {
    const s = sandbox();
    const move = await draftInvoice();
    const [header] = (await executeKw(s, 'account.move', 'read', [
      [move],
      [
        'state',
        'name',
        'amount_untaxed',
        'amount_tax',
        'amount_total',
        'invoice_line_ids',
        'currency_id',
      ],
    ])) as Record<string, unknown>[];
    expect(header).toMatchObject({
      state: 'draft',
      name: '/',
      amount_untaxed: 1525,
      amount_tax: 356.25,
      amount_total: 1881.25,
      currency_id: [expect.any(Number), 'SEK'],
    });
    const lines = (await executeKw(s, 'account.move.line', 'read', [
      header?.invoice_line_ids,
      ['display_type', 'account_id', 'quantity', 'price_subtotal'],
    ])) as Record<string, unknown>[];
    expect(
      lines.map((line) => [
        line.display_type,
        line.account_id === false,
        line.quantity,
        line.price_subtotal,
      ]),
    ).toEqual([
      ['line_section', true, 0, 0],
      ['product', false, 1.5, 1425],
      ['product', false, 2, 0],
      ['product', false, 1, 100],
      ['line_note', true, 0, 0],
    ]);
  });

  it('names a draft with invoice_date from the sequence at create', async () => {
    const s = sandbox();
    const move = await draftInvoice({ invoice_date: '2026-01-31' });
    const [row] = (await executeKw(s, 'account.move', 'read', [
      [move],
      ['name', 'date'],
    ])) as Record<string, unknown>[];
    expect(row).toMatchObject({
      name: expect.stringMatching(/^INV\/2026\/\d{5}$/),
      date: '2026-01-31',
    });
  });

  it('posts, then refuses edits of the posted move and its lines, until reset to draft', async () => {
    const s = sandbox();
    const move = await draftInvoice();
    expect(await executeKw(s, 'account.move', 'action_post', [[move]])).toBe(false);
    const [posted] = (await executeKw(s, 'account.move', 'read', [
      [move],
      ['state', 'name', 'invoice_line_ids'],
    ])) as { state: string; name: string; invoice_line_ids: number[] }[] as [
      { state: string; name: string; invoice_line_ids: number[] },
    ];
    expect(posted.state).toBe('posted');
    expect(posted.name).toMatch(/^INV\/\d{4}\/\d{5}$/);
    for (const [model, ids, vals] of [
      ['account.move', [move], { partner_id: s.store.ref('fjord') }],
      ['account.move.line', [posted.invoice_line_ids[1]], { quantity: 5 }],
    ] as const) {
      const error = await executeKwError(s, model, 'write', [ids, vals]);
      expect(error.data).toMatchObject({ name: 'odoo.exceptions.UserError' });
    }
    expect(await executeKw(s, 'account.move', 'write', [[move], { ref: 'allowed' }])).toBe(true);
    await executeKw(s, 'account.move', 'button_draft', [[move]]);
    expect(
      await executeKw(s, 'account.move', 'write', [[move], { partner_id: s.store.ref('fjord') }]),
    ).toBe(true);
  });

  it('refuses to post an empty invoice with the 17 message', async () => {
    const s = sandbox();
    const move = (await executeKw(s, 'account.move', 'create', [
      { move_type: 'out_invoice', partner_id: s.store.ref('acme') },
    ])) as number;
    const error = await executeKwError(s, 'account.move', 'action_post', [[move]]);
    expect(error.data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'You need to add a line before posting.',
    });
  });

  it('counts prepaid hours: qty_delivered follows linked timesheets, remaining_hours drops', async () => {
    const s = sandbox();
    const product = s.store.ref('product_support_pack_25');
    const [info] = (await executeKw(s, 'product.product', 'read', [
      [product],
      ['service_policy', 'invoice_policy', 'service_type'],
    ])) as Record<string, unknown>[];
    expect(info).toMatchObject({
      service_policy: 'ordered_prepaid',
      invoice_policy: 'order',
      service_type: 'timesheet',
    });
    const order = s.store.ref('order_acme_pack');
    const [line] = (await executeKw(s, 'sale.order.line', 'search', [
      [['order_id', '=', order]],
    ])) as number[];
    const readLine = async (): Promise<Record<string, unknown>> =>
      (
        (await executeKw(s, 'sale.order.line', 'read', [
          [line],
          [
            'qty_delivered',
            'remaining_hours',
            'qty_delivered_method',
            'remaining_hours_available',
            'state',
          ],
        ])) as Record<string, unknown>[]
      )[0]!;
    expect(await readLine()).toEqual({
      id: line,
      qty_delivered: 0,
      remaining_hours: 25,
      qty_delivered_method: 'timesheet',
      remaining_hours_available: true,
      state: 'sale',
    });
    const timesheets = (await executeKw(
      s,
      'account.analytic.line',
      'search',
      [[['project_id', '!=', false]]],
      { order: 'id asc', limit: 2 },
    )) as number[];
    await executeKw(s, 'account.analytic.line', 'write', [
      timesheets,
      { so_line: line, is_so_line_edited: true },
    ]);
    const [hours1, hours2] = (await executeKw(s, 'account.analytic.line', 'read', [
      timesheets,
      ['unit_amount', 'timesheet_invoice_type'],
    ])) as { unit_amount: number; timesheet_invoice_type: string }[] as [
      { unit_amount: number; timesheet_invoice_type: string },
      { unit_amount: number },
    ];
    expect(hours1.timesheet_invoice_type).toBe('billable_fixed');
    const used = hours1.unit_amount + hours2.unit_amount;
    expect(await readLine()).toMatchObject({ qty_delivered: used, remaining_hours: 25 - used });
    await executeKw(s, 'account.analytic.line', 'write', [[timesheets[0]], { so_line: false }]);
    expect(await readLine()).toMatchObject({ qty_delivered: hours2.unit_amount });
  });

  it('stamps the confirmation time over the typed order date, which may be written back after', async () => {
    const s = sandbox();
    const order = (await executeKw(s, 'sale.order', 'create', [
      {
        partner_id: s.store.ref('acme'),
        date_order: '2020-01-15 08:00:00',
        order_line: [[0, 0, { product_id: s.store.ref('product_support_pack_25') }]],
      },
    ])) as number;
    const dateOrder = async () =>
      (
        (await executeKw(s, 'sale.order', 'read', [[order], ['date_order']])) as {
          date_order: string;
        }[]
      )[0]?.date_order;
    expect(await dateOrder()).toBe('2020-01-15 08:00:00');
    await executeKw(s, 'sale.order', 'action_confirm', [[order]]);
    expect(await dateOrder()).not.toBe('2020-01-15 08:00:00');
    expect(await dateOrder()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await executeKw(s, 'sale.order', 'write', [[order], { date_order: '2020-01-15 08:00:00' }]);
    expect(await dateOrder()).toBe('2020-01-15 08:00:00');
  });

  it('gives manual delivery to service_type manual products', async () => {
    const s = sandbox();
    const product = (await executeKw(s, 'product.product', 'create', [
      { name: 'Manual service', type: 'service', invoice_policy: 'order', service_type: 'manual' },
    ])) as number;
    const order = (await executeKw(s, 'sale.order', 'create', [
      {
        partner_id: s.store.ref('acme'),
        order_line: [[0, 0, { product_id: product, product_uom_qty: 3 }]],
      },
    ])) as number;
    await executeKw(s, 'sale.order', 'action_confirm', [[order]]);
    const lines = (await executeKw(
      s,
      'sale.order.line',
      'search_read',
      [[['order_id', '=', order]]],
      { fields: ['qty_delivered_method'] },
    )) as Record<string, unknown>[];
    expect(lines).toEqual([{ id: expect.any(Number), qty_delivered_method: 'manual' }]);
  });

  it('locks invoiced timesheets of a delivery-invoiced sale line, and only those', async () => {
    const s = sandbox();
    const move = await draftInvoice();
    const product = (await executeKw(s, 'product.product', 'create', [
      { name: 'Hourly', type: 'service', invoice_policy: 'delivery', service_type: 'timesheet' },
    ])) as number;
    const order = (await executeKw(s, 'sale.order', 'create', [
      {
        partner_id: s.store.ref('acme'),
        order_line: [[0, 0, { product_id: product, product_uom_qty: 10 }]],
      },
    ])) as number;
    await executeKw(s, 'sale.order', 'action_confirm', [[order]]);
    const [saleLine] = (await executeKw(s, 'sale.order.line', 'search', [
      [['order_id', '=', order]],
    ])) as number[];
    const timesheet = async (soLine: number | false) =>
      (await executeKw(s, 'account.analytic.line', 'create', [
        {
          name: 'Billed work',
          project_id: s.store.ref('project_support'),
          unit_amount: 1,
          employee_id: s.store.ref('employee_admin'),
          so_line: soLine,
          timesheet_invoice_id: move,
        },
      ])) as number;
    const locked = await timesheet(saleLine ?? false);
    const free = await timesheet(false);
    await executeKw(s, 'account.move', 'action_post', [[move]]);
    const error = await executeKwError(s, 'account.analytic.line', 'write', [
      [locked],
      { unit_amount: 2 },
    ]);
    expect(error.data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'You cannot modify timesheets that are already invoiced.',
    });
    expect(
      await executeKw(s, 'account.analytic.line', 'write', [[locked], { name: 'Renamed' }]),
    ).toBe(true);
    expect(await executeKw(s, 'account.analytic.line', 'write', [[free], { unit_amount: 2 }])).toBe(
      true,
    );
    const removal = await executeKwError(s, 'account.analytic.line', 'unlink', [[free]]);
    expect(removal.data).toMatchObject({
      message: 'You cannot remove a timesheet that has already been invoiced.',
    });
  });
});
