/**
 * Read + plan of one period against the sandbox over real HTTP: the plans are checked line by line
 * against the support terms (config/agreements.default.yaml, 950 SEK/h from SUPPORT-HOUR).
 */
import type { InvoicePlan, PlanLine } from '../../../src/domain/plan-types';
import { period } from '../../../src/domain/types';
import type { OdooClient } from '../../../src/odoo/client';
import { formatPeriodPlan } from '../../../src/sync/format-plan';
import { planPeriod, type PeriodPlan } from '../../../src/sync/plan-period';
import { readPeriod } from '../../../src/sync/read-period';
import { useSandbox } from '../../support/start-sandbox';
import { connectTo, SCENARIO_NOW, shippedConfig } from './connect';
import { periodScenario } from './period-scenario';

const config = shippedConfig();
const sandbox = useSandbox({ seed: periodScenario(), clock: SCENARIO_NOW });
let client: OdooClient;
let result: PeriodPlan;

beforeAll(async () => {
  client = await connectTo(sandbox());
  const facts = await readPeriod(client, config, { period: period('2026-01') });
  result = planPeriod(facts, config.settings);
});
afterAll(async () => {
  await client.close();
});

function planOf(name: string): InvoicePlan {
  const found = result.plans.find((entry) => entry.customer.name === name);
  if (found === undefined) throw new Error(`no plan for ${name}`);
  return found.plan;
}

/**
 * The invoice lines of a plan as comparable rows. Billed lines are grouped per category and
 * drawdowns per pack, so only covered and fee lines name a tier (src/domain/README.md).
 */
function rows(plan: InvoicePlan) {
  const row = (title: string, line: PlanLine) => ({
    title,
    kind: line.kind,
    category: line.category,
    tier: line.tier,
    minutes: line.minutes,
    unitPrice: line.unitPrice,
    discount: line.discountPercent,
    amount: line.amount,
  });
  return [
    ...plan.sections.flatMap((section) =>
      section.lines.map((line) => row(section.title.replace(/^\S+ - /, ''), line)),
    ),
    ...plan.feeLines.map((line) => row('fees', line)),
  ];
}

const HOURLY = 95000;
const PATCH_FEE = 49500;

describe('planPeriod on the sandbox (2026-01)', () => {
  it('plans every customer with work or a tier tag, and leaves no record out', () => {
    expect(result.plans.map((entry) => entry.customer.name).sort()).toEqual([
      'Acme AB',
      'Fjord Maintenance AB',
      'Mono AB',
      'Nordic Patch AB',
      'Plain AB',
    ]);
    expect(result.problems).toEqual([]);
    expect(result.company).toEqual({ id: '1', currency: 'SEK', timeZone: 'Europe/Stockholm' });
  });

  it('On Demand with a pack: technical support is drawn from the pack', () => {
    const plan = planOf('Acme AB');
    expect(rows(plan)).toEqual([
      {
        title: 'VPN down',
        kind: 'drawdown',
        category: null,
        tier: null,
        minutes: 90,
        unitPrice: 0,
        discount: 0,
        amount: 0,
      },
    ]);
    expect(plan.packBalances).toEqual([
      expect.objectContaining({ opening: 1500, drawn: 90, closing: 1410, expiresOn: null }),
    ]);
    expect(plan.totals).toMatchObject({ logged: 90, drawn: 90, invoiced: 0, amount: 0 });
  });

  it('Patch: patching is covered (shown at 100 % discount) and the monthly fee is charged', () => {
    expect(rows(planOf('Nordic Patch AB'))).toEqual([
      {
        title: 'Monthly patching',
        kind: 'covered',
        category: 'patching',
        tier: 'patch',
        minutes: 120,
        unitPrice: HOURLY,
        discount: 100,
        amount: 0,
      },
      {
        title: 'fees',
        kind: 'fee',
        category: null,
        tier: 'patch',
        minutes: null,
        unitPrice: PATCH_FEE,
        discount: 0,
        amount: PATCH_FEE,
      },
    ]);
  });

  it('Maintenance + Patch: the [Bug fix] line and user support are covered, data import is billed', () => {
    const plan = planOf('Fjord Maintenance AB');
    expect(rows(plan)).toEqual([
      {
        title: 'Import price list',
        kind: 'billed',
        category: 'data_import',
        tier: null,
        minutes: 180,
        unitPrice: HOURLY,
        discount: 0,
        amount: 3 * HOURLY,
      },
      {
        title: 'App crashes',
        kind: 'covered',
        category: 'bug_fix',
        tier: 'maintenance',
        minutes: 60,
        unitPrice: HOURLY,
        discount: 100,
        amount: 0,
      },
      {
        title: 'App crashes',
        kind: 'covered',
        category: 'user_support',
        tier: 'maintenance',
        minutes: 30,
        unitPrice: HOURLY,
        discount: 100,
        amount: 0,
      },
      expect.objectContaining({ kind: 'fee', tier: 'patch', amount: PATCH_FEE }),
    ]);
    expect(plan.totals).toMatchObject({
      covered: 90,
      invoiced: 180,
      amount: 3 * HOURLY + PATCH_FEE,
    });
  });

  it('no tag: On Demand, the 30-minute minimum, and nothing re-billed for a ticket December paid', () => {
    const plan = planOf('Plain AB');
    // Printer: 15 min this month → the 30-minute minimum. Old question: 15 min in December were
    // billed as 30 then, so January's 15 min bill nothing. February's hour is not in January.
    expect(rows(plan)).toEqual([
      {
        title: 'Printer offline',
        kind: 'billed',
        category: 'user_support',
        tier: null,
        minutes: 30,
        unitPrice: HOURLY,
        discount: 0,
        amount: HOURLY / 2,
      },
    ]);
    expect(plan.feeLines).toEqual([]);
    expect(plan.totals).toMatchObject({ logged: 30, invoiced: 30, amount: HOURLY / 2 });
  });

  it('Maintenance without Patch: the work is held for review and nothing is charged', () => {
    const plan = planOf('Mono AB');
    expect(rows(plan)).toEqual([]);
    expect(plan.reviewItems).toEqual([
      expect.objectContaining({
        minutes: 60,
        date: '2026-01-10',
        problems: expect.arrayContaining([
          expect.objectContaining({ code: 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH' }),
        ]),
      }),
    ]);
    expect(plan.totals).toMatchObject({ review: 60, amount: 0 });
  });

  it('gives every line a stable key naming customer, period, ticket and kind', () => {
    for (const entry of result.plans) {
      const lines = [
        ...entry.plan.sections.flatMap((section) => section.lines),
        ...entry.plan.feeLines,
      ];
      for (const line of lines)
        expect(line.key.startsWith(`tally:v1:${entry.customer.id}:2026-01:`)).toBe(true);
      expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
    }
  });

  it('reads only the chosen customer when one is given, with the same plan', async () => {
    const plain = result.plans.find((entry) => entry.customer.name === 'Plain AB');
    const facts = await readPeriod(client, config, {
      period: period('2026-01'),
      customerId: Number(plain?.customer.id),
    });
    const single = planPeriod(facts, config.settings);
    expect(single.plans.map((entry) => entry.customer.name)).toEqual(['Plain AB']);
    expect(single.plans[0]?.plan).toEqual(plain?.plan);
  });

  it('renders the dry run as text', () => {
    const text = formatPeriodPlan(result, config.currencyDecimals).join('\n');
    expect(text).toContain('Dry run for 2026-01 (SEK, Europe/Stockholm)');
    expect(text).toContain('Printer offline');
    expect(text).toContain(
      'User support: billed hourly (includes 0.25 h per-request minimum or rounding) | 0.50 h × 950.00 = 475.00',
    );
    expect(text).toContain('Held for review (not invoiced)');
    expect(text).toContain('Total 3345.00 SEK');
  });
});
