/**
 * The bench's support company, generated from a seed: a few hundred customers in every agreement
 * situation, each opening several tickets a month with several timesheet lines each, month after
 * month until exactly `lines` lines exist. More lines therefore means a longer history at the same
 * realistic density, which is how a real database grows.
 */
import { lastDayOf, workdays } from '../src/sandbox/demo-company/calendar';
import { CATEGORY_WORK, type DemoTier } from '../src/sandbox/demo-company/catalogue';
import { LINE_HOURS } from '../src/sandbox/demo-company/generate';
import { Prng } from '../src/sandbox/demo-company/prng';

export interface WorkloadOptions {
  /** Timesheet lines to generate. */
  readonly lines: number;
  readonly customers: number;
  /** The first month with work (`YYYY-MM`). */
  readonly firstPeriod: string;
  readonly seed: number;
}

export interface WorkloadCustomer {
  readonly index: number;
  readonly name: string;
  readonly tags: readonly DemoTier[];
  /** Hours of a prepaid pack bought on the first day of the first month; null = none. */
  readonly packHours: 25 | 100 | null;
}

export interface WorkloadTicket {
  readonly index: number;
  readonly customer: number;
  /** Opened by the customer's contact person rather than the company itself. */
  readonly byContact: boolean;
  readonly name: string;
  /** A category label of the default config; null = none (the work is held for review). */
  readonly category: string | null;
}

export interface WorkloadLine {
  readonly ticket: number;
  readonly name: string;
  readonly hours: number;
  readonly date: string;
}

export interface Workload {
  readonly customers: readonly WorkloadCustomer[];
  readonly tickets: readonly WorkloadTicket[];
  readonly lines: readonly WorkloadLine[];
  /** Every month with work, oldest first (tickets of the last month may spill into the next). */
  readonly periods: readonly string[];
}

const TIER_MIX: readonly (readonly [readonly DemoTier[], number])[] = [
  [[], 10],
  [['on_demand'], 30],
  [['patch'], 30],
  [['patch', 'maintenance'], 28],
  [['maintenance'], 2],
];
const PACKS: readonly (readonly [25 | 100 | null, number])[] = [
  [null, 80],
  [25, 12],
  [100, 8],
];
/** Tickets a customer opens in a typical month (about 8 on average). */
const TICKETS_PER_MONTH: readonly (readonly [number, number])[] = [
  [3, 25],
  [6, 35],
  [10, 25],
  [18, 15],
];
/** Upper bound of a ticket's line count, drawn uniformly from 1 (about 4 on average). */
const LINES_PER_TICKET: readonly (readonly [number, number])[] = [
  [2, 20],
  [4, 30],
  [7, 25],
  [12, 15],
  [20, 10],
];
const GAP_IN_WORKDAYS: readonly (readonly [number, number])[] = [
  [0, 3],
  [1, 5],
  [3, 2],
];
const UNCATEGORISED_SHARE = 0.03;

function nextMonth(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

function tierOf(tags: readonly DemoTier[]): DemoTier {
  if (tags.includes('maintenance')) return 'maintenance';
  return tags.includes('patch') ? 'patch' : 'on_demand';
}

function category(rng: Prng, customer: WorkloadCustomer): string | null {
  if (rng.chance(UNCATEGORISED_SHARE)) return null;
  const tier = tierOf(customer.tags);
  return rng.weighted(CATEGORY_WORK.map((work) => [work.label, work.weight[tier]] as const));
}

function customers(rng: Prng, count: number): WorkloadCustomer[] {
  return Array.from({ length: count }, (_, index) => {
    const tags = rng.weighted(TIER_MIX);
    return {
      index,
      name: `Customer ${String(index + 1).padStart(4, '0')} AB`,
      tags,
      packHours: tierOf(tags) === 'on_demand' ? rng.weighted(PACKS) : null,
    };
  });
}

/** One ticket of `customer` opened in a month whose workdays (and the next month's) are `days`. */
function openTicket(
  rng: Prng,
  customer: WorkloadCustomer,
  index: number,
  days: { readonly all: readonly string[]; readonly inMonth: number },
  room: number,
): { ticket: WorkloadTicket; lines: WorkloadLine[] } {
  const label = category(rng, customer);
  const work = CATEGORY_WORK.find((entry) => entry.label === label);
  const ticket: WorkloadTicket = {
    index,
    customer: customer.index,
    byContact: rng.chance(0.6),
    name: work === undefined ? 'Question about our setup' : rng.pick(work.titles),
    category: label,
  };
  const lines: WorkloadLine[] = [];
  let day = rng.int(0, days.inMonth - 1);
  const wanted = Math.min(room, rng.int(1, rng.weighted(LINES_PER_TICKET)));
  while (lines.length < wanted && day < days.all.length) {
    lines.push({
      ticket: index,
      name: work === undefined ? 'Looked into it' : rng.pick(work.tasks),
      hours: rng.weighted(LINE_HOURS),
      date: days.all[day] as string,
    });
    day += rng.weighted(GAP_IN_WORKDAYS);
  }
  return { ticket, lines };
}

/** The workload for `options`: deterministic, the same on every machine for the same seed. */
export function generateWorkload(options: WorkloadOptions): Workload {
  const rng = new Prng(options.seed);
  const roster = customers(rng, options.customers);
  const monthly = roster.map(() => rng.weighted(TICKETS_PER_MONTH));
  const tickets: WorkloadTicket[] = [];
  const lines: WorkloadLine[] = [];
  const periods: string[] = [];
  for (let period = options.firstPeriod; lines.length < options.lines; period = nextMonth(period)) {
    periods.push(period);
    // Two months of workdays: a ticket opened late in the month goes on into the next one.
    const all = workdays(`${period}-01`, lastDayOf(nextMonth(period)));
    const days = { all, inMonth: all.filter((day) => day.startsWith(period)).length };
    for (const customer of roster) {
      const spread = 0.6 + 0.8 * rng.next();
      const count = Math.max(1, Math.round((monthly[customer.index] ?? 1) * spread));
      for (let t = 0; t < count && lines.length < options.lines; t += 1) {
        const opened = openTicket(
          rng,
          customer,
          tickets.length,
          days,
          options.lines - lines.length,
        );
        tickets.push(opened.ticket);
        lines.push(...opened.lines);
      }
    }
  }
  return { customers: roster, tickets, lines, periods: withSpill(periods, lines) };
}

/** The generated months plus the one after, when a late ticket's lines reached into it. */
function withSpill(periods: string[], lines: readonly WorkloadLine[]): string[] {
  const last = periods[periods.length - 1];
  if (last === undefined) return periods;
  const spill = nextMonth(last);
  return lines.some((line) => line.date.startsWith(spill)) ? [...periods, spill] : periods;
}
