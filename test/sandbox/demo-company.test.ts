/**
 * The demo company generator: counts and invariants of what it produces (not its exact output),
 * and that its seed is a valid sandbox seed on every helpdesk flavour.
 */
import { loadAgreementsConfig } from '../../src/config/load-agreements';
import { normaliseName } from '../../src/domain';
import {
  demoCompanySeed,
  generateDemoCompany,
  SandboxSeedSchema,
  startSandbox,
  type DemoCompany,
  type DemoLine,
} from '../../src/sandbox';
import { DEFAULT_CONFIG_FILE } from '../unit/domain/builders';

const company = generateDemoCompany();
const FIRST_DAY = `${company.months[0]}-01`;
const inMonths = (line: DemoLine) => line.date >= FIRST_DAY;
const ticketOf = new Map(company.tickets.map((ticket) => [ticket.ref, ticket]));
const customerOf = (line: DemoLine) => ticketOf.get(line.ticketRef)?.customerRef;
const monthLines = company.lines.filter(inMonths);

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

describe('the demo company', () => {
  it('is deterministic: two generations are deeply equal, another seed gives another company', () => {
    expect(generateDemoCompany()).toEqual(company);
    expect(generateDemoCompany({ seed: 7 })).toEqual(generateDemoCompany({ seed: 7 }));
    expect(generateDemoCompany({ seed: 7 }).lines).not.toEqual(company.lines);
  });

  it('is generated in well under a second of CPU time', () => {
    // CPU time, not elapsed time: a machine busy with other work stretches only the latter.
    const started = process.cpuUsage();
    generateDemoCompany({ seed: 11 });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
  });

  it('has a dozen customers in every agreement situation of the support terms', () => {
    const { customers } = company;
    const tagged = (...tags: DemoCompany['customers'][number]['tags'][number][]) =>
      customers.filter(
        (customer) =>
          customer.tags.length === tags.length && tags.every((tag) => customer.tags.includes(tag)),
      );
    expect(customers).toHaveLength(12);
    const onDemand = tagged('on_demand');
    expect(onDemand.filter((customer) => customer.packs.length === 0).length).toBeGreaterThan(0);
    const packs = onDemand.flatMap((customer) => customer.packs);
    expect(new Set(packs.map((pack) => pack.hours))).toEqual(new Set([25, 100]));
    // Running low: under a quarter of the pack left when the demo months start.
    expect(packs.some((pack) => pack.hours - pack.usedBefore < pack.hours / 4)).toBe(true);
    // Expiring: with packs valid 12 months, one runs out within the demo months.
    const lastDay = `${company.months.at(-1)}-31`;
    expect(
      packs.some((pack) => {
        const expires = addMonths(pack.orderedOn, 12);
        return expires > FIRST_DAY && expires <= lastDay;
      }),
    ).toBe(true);
    expect(tagged('patch').length).toBeGreaterThan(0);
    expect(tagged('patch', 'maintenance').length).toBeGreaterThan(0);
    expect(tagged('maintenance')).toHaveLength(1);
    expect(tagged()).toHaveLength(1);
    expect(new Set(customers.map((customer) => customer.ref)).size).toBe(12);
  });

  it('has a few hundred tickets across every category of the shipped config', () => {
    const config = loadAgreementsConfig(DEFAULT_CONFIG_FILE);
    const labels = config.settings.categories.map((category) => normaliseName(category.label));
    const used = new Set(
      company.tickets.flatMap((ticket) =>
        ticket.category === null ? [] : [normaliseName(ticket.category)],
      ),
    );
    expect(company.tickets.length).toBeGreaterThanOrEqual(200);
    expect(company.tickets.length).toBeLessThan(1000);
    expect([...used].sort()).toEqual([...labels].sort());
    expect(new Set(company.categories.map(normaliseName))).toEqual(new Set(labels));
  });

  it('logs a few thousand lines on weekdays over the three months, never before the ticket', () => {
    expect(monthLines.length).toBeGreaterThanOrEqual(2000);
    expect(monthLines.length).toBeLessThan(10_000);
    const perMonth = new Map<string, number>();
    for (const line of monthLines) {
      const month = line.date.slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    expect([...perMonth.keys()].sort()).toEqual([...company.months]);
    for (const count of perMonth.values()) expect(count).toBeGreaterThan(monthLines.length / 6);
    for (const line of company.lines) {
      const weekday = new Date(`${line.date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(weekday);
      expect(line.date >= (ticketOf.get(line.ticketRef)?.openedOn ?? '9999')).toBe(true);
    }
  });

  it('logs earlier work only on packs, adding up to what each pack had used', () => {
    const earlier = company.lines.filter((line) => !inMonths(line));
    expect(earlier.every((line) => line.packLineRef !== null)).toBe(true);
    for (const pack of company.packs) {
      const used = earlier
        .filter((line) => line.packLineRef === pack.lineRef)
        .reduce((sum, line) => sum + line.hours, 0);
      expect(used).toBeCloseTo(pack.usedBefore, 6);
      expect(earlier.every((line) => customerOf(line) !== undefined)).toBe(true);
    }
  });

  it('has work that cannot be classified and a few lines logged with zero hours', () => {
    const uncategorised = new Set(
      company.tickets.filter((ticket) => ticket.category === null).map((ticket) => ticket.ref),
    );
    expect(monthLines.filter((line) => uncategorised.has(line.ticketRef)).length).toBeGreaterThan(
      10,
    );
    const zero = monthLines.filter((line) => line.hours === 0);
    expect(zero.length).toBeGreaterThan(0);
    expect(zero.length).toBeLessThan(20);
    expect(monthLines.filter((line) => line.hours < 0)).toEqual([]);
  });

  it.each(['oca', 'enterprise'] as const)('is a valid sandbox seed (%s helpdesk)', (helpdesk) => {
    const seed = SandboxSeedSchema.parse(demoCompanySeed({ odooVersion: 17, helpdesk }));
    const timesheets = seed.records.filter(
      (step) => 'values' in step && !('write' in step) && step.model === 'account.analytic.line',
    );
    expect(timesheets).toHaveLength(company.lines.length);
  });

  it('starts a sandbox as a built-in seed, and as the base of a JSON seed', async () => {
    const sandbox = await startSandbox({
      seed: {
        base: 'demo-company',
        records: [{ model: 'res.partner', ref: 'extra', values: { name: 'Extra AB' } }],
      },
    });
    try {
      const [customer] = sandbox.store.read('res.partner', [sandbox.store.ref('bjork')], ['name']);
      expect(customer?.name).toBe('Björk & Berg Konsult AB');
      expect(sandbox.store.search('account.analytic.line', [])).toHaveLength(company.lines.length);
      expect(sandbox.store.read('res.partner', [sandbox.store.ref('extra')], ['name'])).toEqual([
        expect.objectContaining({ name: 'Extra AB' }),
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
