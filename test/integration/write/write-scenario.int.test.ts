import type { LocalDate, Period } from '../../../src/domain/types';
import { SERVICE_CATEGORIES } from '../../../src/sandbox/demo-seed';
import { syncPeriod } from '../../../src/sync/sync-period';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** Categories the Maintenance and Support Agreement covers (with Patch): the rest is billed. */
const MAINTENANCE_COVERS = ['patching', 'technical_support', 'user_support', 'bug_fix', 'upgrade'];

describe('the write scenario (every tier, a pack, every category, bad records)', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  let state: ReturnType<typeof tallyState>;
  let problems: unknown[];
  let markedApart: number[];

  beforeAll(async () => {
    installTallyFields(sandbox());
    const client = await connectTo(sandbox());
    const result = await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
    problems = [...result.problems];
    markedApart = result.writes.groupWrites
      .filter((write) => write.model === 'account.analytic.line')
      .flatMap((write) => [...write.ids]);
    state = tallyState(sandbox());
  });

  const invoice = (customer: number) => state.invoices.find((entry) => entry.customer === customer);

  it('writes one draft per customer with billable or covered work, and none twice', () => {
    expect(state.invoices.map((entry) => [entry.key, entry.state])).toEqual([
      ['tally:v1:4:2026-01', 'draft'],
      ['tally:v1:6:2026-01', 'draft'],
      ['tally:v1:7:2026-01', 'draft'],
      ['tally:v1:8:2026-01', 'draft'],
    ]);
    expect(state.duplicateKeys).toBe(0);
  });

  it('draws On Demand work from the prepaid pack, a section per ticket', () => {
    expect(invoice(4)?.lines).toEqual([
      ['tally:v1:4:2026-01:1:section:section', 'HT00001 - VPN down', 0, 0, 0],
      [
        'tally:v1:4:2026-01:1:drawdown:1',
        'Prepaid SUPPORT-PACK-25 (S00001): 1.50 h drawn, 23.50 h left',
        1.5,
        0,
        0,
      ],
      ['tally:v1:4:2026-01:8:section:section', 'HT00008 - Migrate customers', 0, 0, 0],
      [
        'tally:v1:4:2026-01:8:drawdown:1',
        'Prepaid SUPPORT-PACK-25 (S00001): 21.00 h drawn, 2.50 h left',
        21,
        0,
        0,
      ],
    ]);
    expect(state.packs).toEqual([[1, 22.5, 2.5]]);
  });

  it('shows Patch work as covered at 100 % discount, with the monthly fee', () => {
    expect(invoice(6)?.lines).toEqual([
      ['tally:v1:6:2026-01:3:section:section', 'HT00003 - Monthly patching', 0, 0, 0],
      [
        'tally:v1:6:2026-01:3:covered:patching.patch',
        'Patching: covered by Patch Agreement',
        2,
        950,
        100,
      ],
      ['tally:v1:6:2026-01:-:section:fees', 'Monthly fees', 0, 0, 0],
      ['tally:v1:6:2026-01:-:fee:patch', 'Patch Agreement, monthly fee 2026-01', 1, 495, 0],
    ]);
  });

  it('gives the monthly fee the hourly product’s taxes (a fee line has no product)', () => {
    const store = sandbox().store;
    const [fee] = store.searchRead(
      'account.move.line',
      [['x_tally_key', '=', 'tally:v1:6:2026-01:-:fee:patch']],
      ['tax_ids', 'product_id'],
    );
    const [hourly] = store.searchRead(
      'product.product',
      [['default_code', '=', 'SUPPORT-HOUR']],
      ['taxes_id'],
    );
    expect(fee).toMatchObject({ product_id: false, tax_ids: hourly?.taxes_id });
    expect(fee?.tax_ids).not.toEqual([]);
  });

  it('bills On Demand time with the 30-minute minimum per request', () => {
    expect(invoice(8)?.lines).toEqual([
      ['tally:v1:8:2026-01:4:section:section', 'HT00004 - Printer offline', 0, 0, 0],
      [
        'tally:v1:8:2026-01:4:billed:user_support',
        'User support: billed hourly (includes 0.25 h per-request minimum or rounding)',
        0.5,
        950,
        0,
      ],
    ]);
  });

  it.each(SERVICE_CATEGORIES.map((category) => [category, slug(category)]))(
    'Patch + Maintenance: %s is covered or billed as the terms say',
    (category, key) => {
      const lines = invoice(7)?.lines ?? [];
      const section = lines.findIndex((line) => String(line[1]).endsWith(` - ${category} work`));
      expect(section).toBeGreaterThanOrEqual(0);
      const [lineKey, , quantity, price, discount] = lines[section + 1] ?? [];
      const covered = MAINTENANCE_COVERS.includes(key);
      expect(String(lineKey)).toMatch(covered ? `:covered:${key}.maintenance` : `:billed:${key}`);
      expect([quantity, price, discount]).toEqual([1, 950, covered ? 100 : 0]);
    },
  );

  it('marks every timesheet of the period with its category, coverage and carrying line', () => {
    const mark = (id: number) => state.timesheets.find((line) => line.id === id);
    expect(mark(1)).toMatchObject({
      category: 'Technical support',
      coverage: 'prepaid',
      carriedBy: 'tally:v1:4:2026-01:1:drawdown:1',
      invoice: 'tally:v1:4:2026-01',
    });
    expect(mark(3)).toMatchObject({
      coverage: 'covered',
      carriedBy: 'tally:v1:6:2026-01:3:covered:patching.patch',
    });
    // The December line is not January's; the January follow-up was paid by December's minimum.
    expect(mark(5)).toMatchObject({ coverage: false, carriedBy: false });
    expect(mark(7)).toMatchObject({
      coverage: 'billable',
      carriedBy: false,
      unchargedOn: 'tally:v1:8:2026-01',
      invoice: false,
    });
    expect(mark(10)).toMatchObject({ coverage: 'review', carriedBy: false, unchargedOn: false });
    expect(mark(10)?.reason).toMatch(/without a tier it requires \(maintenance without patch\)/);
  });

  it('writes the marks of timesheets on a draft in its create itself, only the rest apart', () => {
    const onDraft = state.timesheets
      .filter((line) => line.carriedBy !== false || line.unchargedOn !== false)
      .map((line) => line.id);
    expect(onDraft.length).toBeGreaterThan(20);
    expect(markedApart.filter((id) => onDraft.includes(id))).toEqual([]);
    // 10: its customer has no draft (Maintenance without Patch); 13: its ticket has no customer.
    expect(markedApart.sort((a, b) => a - b)).toEqual([10, 13]);
  });

  it('holds bad records for review, naming them, and writes everything else', () => {
    const mark = (id: number) => state.timesheets.find((line) => line.id === id);
    expect(mark(12)).toMatchObject({
      coverage: 'review',
      reason: 'Held for review: a timesheet line with zero or negative time',
    });
    expect(mark(13)).toMatchObject({
      coverage: 'review',
      reason: 'Held for review: a ticket with no customer',
    });
    expect(problems).toEqual([
      {
        model: 'helpdesk.ticket',
        recordId: 9,
        path: 'partner_id',
        message: 'the ticket has no customer: its time is held for review',
      },
    ]);
  });

  it('schedules one activity per review ticket and one for the low pack balance', () => {
    expect(state.activities).toEqual([
      ['helpdesk.ticket', 7, 'Tally: time held for review', 2],
      ['helpdesk.ticket', 8, 'Tally: time held for review', 2],
      ['helpdesk.ticket', 9, 'Tally: time held for review', 2],
      ['res.partner', 4, 'Tally: prepaid hours running low', 2],
    ]);
  });

  it('writes nothing on an immediate rerun', async () => {
    const client = await connectTo(sandbox());
    const rerun = await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
    expect(rerun.applied?.calls).toBe(0);
    expect(tallyState(sandbox())).toEqual(state);
  });
});
