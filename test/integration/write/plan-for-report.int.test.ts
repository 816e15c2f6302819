import type { LocalDate, Period } from '../../../src/domain/types';
import { planForReport } from '../../../src/sync/plan-for-report';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const TODAY = '2026-02-03' as LocalDate;

describe('the plan reports show', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });

  it('assumes earlier billing until tally setup ran, then follows the invoices exactly', async () => {
    const client = await connectTo(sandbox());
    const before = await planForReport(client, shippedConfig(), {
      period: '2026-02' as Period,
      today: TODAY,
    });
    expect(before.history).toBe('assumed');

    installTallyFields(sandbox());
    await syncPeriod(client, shippedConfig(), { period: '2026-01' as Period, today: TODAY });
    const after = await planForReport(client, shippedConfig(), {
      period: '2026-02' as Period,
      today: TODAY,
    });
    expect(after.history).toBe('invoices');
    // Acme's 25 h pack: January drew 22.5 h, so February opens with 2.5 h.
    expect(after.facts.packs.map((pack) => [pack.name, pack.openingBalance])).toEqual([
      ['SUPPORT-PACK-25 (S00001)', 150],
    ]);
  });
});
