import { MemoryCursorStore } from '../../../src/sync/cursor-store';
import { syncChanges } from '../../../src/sync/sync-changes';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const NOW = '2026-02-03T08:00:00Z';

describe('incremental sync runs', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const cursors = { store: new MemoryCursorStore(), instance: 'sandbox' };
  const run = async () =>
    syncChanges(await connectTo(sandbox()), shippedConfig(), cursors, { now: NOW });

  beforeAll(() => installTallyFields(sandbox()));

  it('syncs the previous and the current period on the first run and sets the cursor', async () => {
    const first = await run();
    expect(first.periods.map((result) => result.period)).toEqual(['2026-01', '2026-02']);
    expect(first.cursor).not.toBeNull();
    expect(tallyState(sandbox()).invoices.map((entry) => entry.key)).toEqual(
      expect.arrayContaining(['tally:v1:7:2026-01', 'tally:v1:8:2026-02']),
    );
  });

  it('writes nothing when nothing changed', async () => {
    const again = await run();
    expect(again.changedLines).toBeGreaterThan(0);
    expect(again.periods.map((result) => result.applied?.calls)).toEqual(
      again.periods.map(() => 0),
    );
  });

  it('turns an edit of posted time into a correction on the current draft', async () => {
    const [fjord] = sandbox().store.search('account.move', [
      ['x_tally_key', '=', 'tally:v1:7:2026-01'],
    ]);
    sandbox().store.call('account.move', 'action_post', [[fjord]]);
    sandbox().store.write('account.analytic.line', [2], { unit_amount: 2 });
    const result = await run();
    expect(result.periods.find((entry) => entry.period === '2026-01')?.closed).toEqual([
      expect.objectContaining({ customerId: 7, state: 'posted' }),
    ]);
    const february = tallyState(sandbox()).invoices.find(
      (entry) => entry.key === 'tally:v1:7:2026-02',
    );
    expect(february?.lines.map((line) => [line[0], line[2]])).toContainEqual([
      'tally:v1:7:2026-02:2:correction:data_import',
      -1,
    ]);
    const after = await run();
    expect(after.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
  });

  it('turns a ticket reclassified after posting into a correction on the current draft', async () => {
    const [training] = sandbox().store.search('helpdesk.ticket', [['name', '=', 'Training work']]);
    sandbox().store.write('helpdesk.ticket', [training as number], {
      category_id: sandbox().store.ref('category_bug_fix'),
    });
    await run();
    const february = tallyState(sandbox()).invoices.find(
      (entry) => entry.key === 'tally:v1:7:2026-02',
    );
    const corrections = (february?.lines ?? []).filter((line) =>
      String(line[0]).startsWith(`tally:v1:7:2026-02:${String(training)}:correction:`),
    );
    expect(corrections.map((line) => line[2])).toEqual([-1]);
    const after = await run();
    expect(after.periods.every((entry) => entry.applied?.calls === 0)).toBe(true);
  });

  it('a dry run computes the writes and makes none', async () => {
    sandbox().store.write('account.analytic.line', [3], { unit_amount: 3 });
    const before = tallyState(sandbox());
    const dry = await syncChanges(await connectTo(sandbox()), shippedConfig(), cursors, {
      now: NOW,
      dryRun: true,
    });
    expect(dry.periods.some((entry) => entry.writes.updateMoves.length > 0)).toBe(true);
    expect(dry.periods.every((entry) => entry.applied === null)).toBe(true);
    expect(tallyState(sandbox())).toEqual(before);
  });
});
