import { syncPeriod } from '../../../src/sync/sync-period';
import type { Period, LocalDate } from '../../../src/domain/types';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { connectTo, shippedConfig, SCENARIO_NOW } from '../sync/connect';
import { periodScenario } from '../sync/period-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;

describe('syncPeriod on the sandbox', () => {
  const sandbox = useSandbox({ seed: periodScenario(), clock: SCENARIO_NOW });

  it('writes one draft per customer and a rerun writes nothing', async () => {
    installTallyFields(sandbox());
    const client = await connectTo(sandbox());
    const first = await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
    expect(first.applied).toMatchObject({ movesCreated: 4 });
    const moves = sandbox().store.searchRead(
      'account.move',
      [['x_tally_key', '!=', false]],
      ['x_tally_key', 'partner_id', 'state', 'invoice_line_ids'],
    );
    expect(moves).toHaveLength(4);
    const lines = sandbox().store.searchRead(
      'account.move.line',
      [['x_tally_key', '!=', false]],
      ['x_tally_key', 'name', 'quantity', 'price_unit', 'discount', 'x_tally_timesheet_ids'],
    );
    expect(lines.length).toBeGreaterThan(10);
    const second = await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
    expect(second.applied?.calls).toBe(0);
  });
});
