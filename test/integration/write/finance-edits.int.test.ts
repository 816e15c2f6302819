import type { LocalDate, Period } from '../../../src/domain/types';
import { syncPeriod } from '../../../src/sync/sync-period';
import { ref } from '../../../src/sandbox/seed-steps';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { periodScenario } from '../sync/period-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;

/** The period scenario plus a prepaid pack sold with a negative quantity (a bad record). */
function scenarioWithBadPack() {
  const base = periodScenario();
  return {
    ...base,
    records: [
      ...(base.records ?? []),
      {
        model: 'sale.order',
        ref: 'order_bad_pack',
        values: {
          partner_id: ref('nordpatch'),
          order_line: [[0, 0, { product_id: ref('product_support_pack_25'), product_uom_qty: -5 }]],
        },
      },
      { model: 'sale.order', call: 'action_confirm', on: ['order_bad_pack'] },
    ],
  };
}

describe('what finance does in Odoo, and bad records', () => {
  const sandbox = useSandbox({ seed: scenarioWithBadPack(), clock: SCENARIO_NOW });
  const sync = async () =>
    syncPeriod(await connectTo(sandbox()), shippedConfig(), { period: JANUARY, today: TODAY });

  beforeAll(() => installTallyFields(sandbox()));

  it('skips a bad record, naming it, and writes everything else', async () => {
    const result = await sync();
    const [badLine] = sandbox().store.search('sale.order.line', [['product_uom_qty', '<', 0]]);
    expect(result.problems).toContainEqual({
      model: 'sale.order.line',
      recordId: badLine,
      path: 'product_uom_qty',
      message: 'a pack must sell a positive quantity',
    });
    expect(tallyState(sandbox()).invoices).toHaveLength(4);
  });

  it('leaves a line finance added by hand, and keeps the draft even when Tally has nothing left on it', async () => {
    const [plain] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', 'tally:v1:8:2026-01'],
    ]);
    sandbox().store.write('account.move', [plain as number], {
      invoice_line_ids: [[0, 0, { name: 'Travel', quantity: 1, price_unit: 300 }]],
    });
    // The only January line of Plain AB's printer ticket moves to February.
    sandbox().store.write('account.analytic.line', [4], { date: '2026-02-01' });
    await sync();
    const [move] = sandbox().store.read(
      'account.move',
      [plain as number],
      ['invoice_line_ids', 'state'],
    );
    expect(move?.state).toBe('draft');
    const lines = sandbox().store.read('account.move.line', move?.invoice_line_ids as number[], [
      'name',
      'x_tally_key',
    ]);
    expect(lines).toEqual([expect.objectContaining({ name: 'Travel', x_tally_key: false })]);
  });

  it('deletes a Tally draft that holds nothing at all any more', async () => {
    const [nordic] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', 'tally:v1:6:2026-01'],
    ]);
    sandbox().store.write('res.partner', [sandbox().store.ref('nordpatch')], {
      category_id: [[5, 0, 0]],
    });
    sandbox().store.write('account.analytic.line', [3], { date: '2026-02-01' });
    await sync();
    expect(sandbox().store.search('account.move', [['id', '=', nordic as number]])).toEqual([]);
  });
});

describe('a customer whose agreement ended keeps no stale draft', () => {
  const sandbox = useSandbox({
    seed: {
      base: 'demo',
      records: [
        {
          model: 'res.partner',
          ref: 'fee_only',
          values: {
            name: 'Fee Only AB',
            is_company: true,
            category_id: [[6, 0, [ref('tag_patch_agreement')]]],
          },
        },
      ],
    },
    clock: SCENARIO_NOW,
  });

  it('deletes the fee-only draft once the customer has no agreement in the period', async () => {
    installTallyFields(sandbox());
    const sync = async () =>
      syncPeriod(await connectTo(sandbox()), shippedConfig(), { period: JANUARY, today: TODAY });
    await sync();
    const customer = sandbox().store.ref('fee_only');
    const key = `tally:v1:${customer}:2026-01`;
    expect(tallyState(sandbox()).invoices.map((entry) => entry.key)).toContain(key);
    sandbox().store.write('res.partner', [customer], { category_id: [[5, 0, 0]] });
    await sync();
    expect(tallyState(sandbox()).invoices.map((entry) => entry.key)).not.toContain(key);
    expect((await sync()).applied?.calls).toBe(0);
  });
});
