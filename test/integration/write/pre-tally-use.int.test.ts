import type { LocalDate, Period } from '../../../src/domain/types';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { connectTo, shippedConfig } from '../sync/connect';

const AUGUST = '2026-08' as Period;

describe('prepaid hours used the Odoo way before Tally', () => {
  const sandbox = useSandbox({ seed: 'demo-company' });

  it('reduce the opening balance of the first month Tally invoices, and the delivered hours', async () => {
    installTallyFields(sandbox());
    const store = sandbox().store;
    const packLines = store.searchRead(
      'sale.order.line',
      [['product_id.default_code', 'like', 'SUPPORT-PACK']],
      ['product_uom_qty'],
    ) as { id: number; product_uom_qty: number }[];
    const linkedBefore = new Map<number, number>();
    for (const row of store.searchRead(
      'account.analytic.line',
      [
        ['so_line', 'in', packLines.map((line) => line.id)],
        ['date', '<', '2026-08-01'],
      ],
      ['so_line', 'unit_amount'],
    ) as { so_line: [number, string]; unit_amount: number }[]) {
      linkedBefore.set(row.so_line[0], (linkedBefore.get(row.so_line[0]) ?? 0) + row.unit_amount);
    }
    expect([...linkedBefore.values()].some((hours) => hours > 0)).toBe(true);

    const result = await syncPeriod(await connectTo(sandbox()), shippedConfig(), {
      period: AUGUST,
      today: '2026-11-26' as LocalDate,
    });
    for (const line of packLines) {
      const pack = result.facts.packs.find((entry) => entry.id === String(line.id));
      expect(pack?.openingBalance).toBe(
        Math.round((line.product_uom_qty - (linkedBefore.get(line.id) ?? 0)) * 60),
      );
      const drawn = result.plans
        .flatMap(({ plan }) => plan.packBalances)
        .filter((balance) => balance.packId === String(line.id))
        .reduce((sum, balance) => sum + balance.drawn, 0);
      const [after] = store.read('sale.order.line', [line.id], ['qty_delivered']);
      expect(after?.qty_delivered).toBeCloseTo((linkedBefore.get(line.id) ?? 0) + drawn / 60, 2);
    }
  });
});
