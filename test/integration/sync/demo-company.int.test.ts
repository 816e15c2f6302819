/**
 * The read + plan pipeline over real HTTP on the demo company: every customer is planned, and the
 * review items are exactly the work the generator made unbillable (Maintenance without Patch,
 * unclassified work, zero-hour lines). Expectations are derived from the generated data.
 */
import type { ProblemCode } from '../../../src/domain';
import { period } from '../../../src/domain';
import type { OdooClient } from '../../../src/odoo/client';
import { generateDemoCompany, type DemoLine } from '../../../src/sandbox';
import { planPeriod, type PeriodPlan } from '../../../src/sync/plan-period';
import { readPeriod, type ReadPeriodConfig } from '../../../src/sync/read-period';
import { useSandbox } from '../../support/start-sandbox';
import { connectTo, shippedConfig } from './connect';

const PERIOD = '2026-10';
const shipped = shippedConfig();
/** The shipped terms, with 25-hour packs valid for 12 months (so one demo pack expires). */
const config: ReadPeriodConfig = {
  ...shipped,
  settings: {
    ...shipped.settings,
    prepaid: {
      ...shipped.settings.prepaid,
      products: shipped.settings.prepaid.products.map((product) =>
        product.productCode === 'SUPPORT-PACK-25' ? { ...product, expiryMonths: 12 } : product,
      ),
    },
  },
};

const company = generateDemoCompany();
const ticketOf = new Map(company.tickets.map((ticket) => [ticket.ref, ticket]));
const nameOf = new Map(company.customers.map((customer) => [customer.ref, customer.name]));
const periodLines = company.lines.filter((line) => line.date.startsWith(PERIOD));
const minutesOf = (lines: readonly DemoLine[]) =>
  lines.reduce((sum, line) => sum + Math.round(line.hours * 60), 0);

const sandbox = useSandbox({ seed: 'demo-company' });
let client: OdooClient;
let result: PeriodPlan;

beforeAll(async () => {
  client = await connectTo(sandbox());
  const facts = await readPeriod(client, config, { period: period(PERIOD) });
  result = planPeriod(facts, config.settings);
});
afterAll(async () => {
  await client.close();
});

function planOf(ref: string) {
  const found = result.plans.find((entry) => entry.customer.name === nameOf.get(ref));
  if (found === undefined) throw new Error(`no plan for ${ref}`);
  return found.plan;
}

function reviewCount(code: ProblemCode): number {
  return result.plans
    .flatMap((entry) => entry.plan.reviewItems)
    .filter((item) => item.problems.some((problem) => problem.code === code)).length;
}

describe(`planPeriod on the demo company (${PERIOD})`, () => {
  it('plans every customer, reads every record, and accounts for every logged minute', () => {
    expect(result.problems).toEqual([]);
    expect(result.company).toMatchObject({ currency: 'SEK', timeZone: 'Europe/Stockholm' });
    expect(result.plans.map((entry) => entry.customer.name).sort()).toEqual(
      company.customers.map((customer) => customer.name).sort(),
    );
    const logged = result.plans.reduce((sum, entry) => sum + entry.plan.totals.logged, 0);
    expect(logged).toBe(minutesOf(periodLines));
  });

  it('holds every line of the Maintenance-without-Patch customer for review', () => {
    const [malarstrand] = company.customers.filter(
      (customer) => customer.tags.length === 1 && customer.tags[0] === 'maintenance',
    );
    const plan = planOf(malarstrand?.ref ?? '');
    const lines = periodLines.filter(
      (line) => ticketOf.get(line.ticketRef)?.customerRef === malarstrand?.ref,
    );
    expect(plan.sections).toEqual([]);
    expect(plan.reviewItems).toHaveLength(lines.length);
    expect(plan.totals).toMatchObject({ review: minutesOf(lines), amount: 0 });
    expect(reviewCount('AGREEMENT_MAINTENANCE_WITHOUT_PATCH')).toBe(lines.length);
  });

  it('holds unclassifiable work and zero-hour lines for review, and nothing else', () => {
    const uncategorised = periodLines.filter(
      (line) => ticketOf.get(line.ticketRef)?.category === null,
    );
    expect(uncategorised.length).toBeGreaterThan(0);
    expect(reviewCount('UNCLASSIFIED')).toBe(uncategorised.length);
    expect(reviewCount('LINE_NON_POSITIVE')).toBe(
      periodLines.filter((line) => line.hours === 0).length,
    );
    const held = result.plans.flatMap((entry) => entry.plan.reviewItems);
    const expected = new Set<ProblemCode>([
      'AGREEMENT_MAINTENANCE_WITHOUT_PATCH',
      'UNCLASSIFIED',
      'LINE_NON_POSITIVE',
    ]);
    for (const item of held) {
      expect(item.problems.some((problem) => expected.has(problem.code))).toBe(true);
    }
  });

  it('covers agreement work for Patch and Maintenance customers and charges their fees', () => {
    for (const customer of company.customers.filter((c) => c.tags.includes('patch'))) {
      const plan = planOf(customer.ref);
      expect(plan.totals.covered).toBeGreaterThan(0);
      expect(plan.feeLines.map((line) => line.tier)).toContain('patch');
    }
  });

  it('draws prepaid packs: the running-low pack crosses the threshold, the old one expires', () => {
    for (const pack of company.packs) {
      const plan = planOf(pack.customerRef);
      const [balance] = plan.packBalances;
      expect(balance?.opening).toBe(Math.round((pack.hours - pack.usedBefore) * 60));
      expect(plan.totals.drawn).toBeGreaterThan(0);
    }
    const low = company.packs.find((pack) => pack.usedBefore > pack.hours / 2);
    expect(planOf(low?.customerRef ?? '').events.map((event) => event.kind)).toContain(
      'prepaid_low_balance',
    );
    // Bought a year before the last demo month: with 12-month packs it expires within it.
    const expiring = company.packs.find((pack) => pack.orderedOn < '2026-01-01');
    const [balance] = planOf(expiring?.customerRef ?? '').packBalances;
    const expires = `${Number(expiring?.orderedOn.slice(0, 4)) + 1}${expiring?.orderedOn.slice(4)}`;
    expect(balance?.expiresOn).toBe(expires);
    expect(expires.startsWith(PERIOD)).toBe(true);
  });
});
