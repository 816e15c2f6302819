/**
 * Issue 13, item 7: a killed run can leave two drafts with the same `x_tally_key` (Odoo finished a
 * create whose client died, and a later run created it again). The next run must see it and
 * delete the extra draft, so no customer is billed twice; a run after that writes nothing.
 */
import { localDate, period } from '../../../src/domain/types';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

type Row = Record<string, unknown>;

describe('two drafts with one key, as a killed run leaves them', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const sync = async () =>
    syncPeriod(await connectTo(sandbox()), shippedConfig(), {
      period: period('2026-01'),
      today: localDate('2026-01-31'),
    });

  beforeAll(() => installTallyFields(sandbox()));

  /** Creates a second draft with the key and the lines of the one Tally made. */
  function duplicate(key: string): number {
    const store = sandbox().store;
    const [move] = store.searchRead(
      'account.move',
      [['x_tally_key', '=', key]],
      ['partner_id', 'move_type'],
    ) as Row[];
    const lines = store.searchRead(
      'account.move.line',
      [
        ['move_id', '=', move!.id as number],
        ['x_tally_key', '!=', false],
      ],
      ['x_tally_key', 'name', 'quantity', 'price_unit', 'discount', 'display_type', 'product_id'],
    ) as Row[];
    return store.create('account.move', {
      move_type: move!.move_type,
      partner_id: (move!.partner_id as [number, string])[0],
      x_tally_key: key,
      invoice_line_ids: lines.map((line) => [
        0,
        0,
        {
          x_tally_key: line.x_tally_key,
          name: line.name,
          quantity: line.quantity,
          price_unit: line.price_unit,
          discount: line.discount,
          display_type: line.display_type,
          product_id: Array.isArray(line.product_id) ? line.product_id[0] : false,
        },
      ]),
    });
  }

  it('deletes the extra draft, keeps one, and then writes nothing', async () => {
    await sync();
    const clean = tallyState(sandbox());
    const key = 'tally:v1:7:2026-01';
    duplicate(key);
    expect(tallyState(sandbox()).duplicateKeys).toBe(1);

    const repair = await sync();
    expect(repair.writes.unlinkMoves).toHaveLength(1);
    const after = tallyState(sandbox());
    expect(after.duplicateKeys).toBe(0);
    expect(after.invoices).toEqual(clean.invoices);

    const again = await sync();
    expect(again.applied?.calls).toBe(0);
  });
});
