import { lastDayOf, workdays } from './calendar';
import { CATEGORY_WORK, STAFF, TITLE_SYSTEMS, UNCATEGORISED_WORK } from './catalogue';
import {
  categoryLabels,
  DEFAULT_DEMO_SEED,
  DEMO_COMPANY_NAME,
  DEMO_MONTHS,
  demoPacks,
  tierOf,
  type DemoCompany,
  type DemoLine,
  type DemoPack,
  type DemoTicket,
} from './demo-company';
import { Prng } from './prng';
import { CUSTOMERS, type DemoCustomerSpec } from './roster';

export interface DemoCompanyOptions {
  /** PRNG seed; default DEFAULT_DEMO_SEED (the company the README and tests describe). */
  readonly seed?: number;
}

/** Share of tickets that name no category, so their work cannot be classified. */
const UNCATEGORISED_SHARE = 0.05;
/** Share of lines that say their own category with a `[Label]` prefix. */
const PREFIXED_SHARE = 0.06;
/** Lines logged with zero hours by mistake (held for review as LINE_NON_POSITIVE). */
const ZERO_HOUR_LINES = 6;
/** Hours per line of earlier work on a pack. */
const EARLIER_LINE_HOURS = 1.5;

/** Hours of one timesheet line and how often they are logged (the bench draws from it too). */
export const LINE_HOURS: readonly (readonly [number, number])[] = [
  [0.1, 3],
  [0.25, 9],
  [0.5, 8],
  [0.75, 4],
  [1, 4],
  [1.25, 1],
  [1.5, 2],
  [2, 1],
  [3, 0.5],
];
const LINES_PER_TICKET: readonly (readonly [[number, number], number])[] = [
  [[1, 2], 30],
  [[4, 18], 45],
  [[19, 40], 25],
];
const GAP_IN_WORKDAYS: readonly (readonly [number, number])[] = [
  [0, 4],
  [1, 5],
  [2, 2],
  [4, 1],
];

interface TicketDraft {
  readonly customer: DemoCustomerSpec;
  readonly openIndex: number;
  readonly order: number;
}

/** Each customer opens about its monthly number of tickets in every month, on random workdays. */
function ticketDrafts(rng: Prng, days: readonly string[]): TicketDraft[] {
  const drafts: TicketDraft[] = [];
  for (const customer of CUSTOMERS) {
    for (const month of DEMO_MONTHS) {
      const first = days.findIndex((day) => day.startsWith(month));
      const last = days.findLastIndex((day) => day.startsWith(month));
      const count = Math.max(1, Math.round(customer.ticketsPerMonth * (0.8 + 0.4 * rng.next())));
      for (let index = 0; index < count; index += 1) {
        drafts.push({ customer, openIndex: rng.int(first, last), order: drafts.length });
      }
    }
  }
  return drafts.sort((a, b) => a.openIndex - b.openIndex || a.order - b.order);
}

/**
 * The category of the n-th ticket: the first tickets take every category once, so each one
 * appears whatever the seed; then a few name none, and the rest follow the customer's tier.
 */
function categoryOf(rng: Prng, index: number, customer: DemoCustomerSpec): string | null {
  const guaranteed = CATEGORY_WORK[index];
  if (guaranteed !== undefined) return guaranteed.label;
  if (rng.chance(UNCATEGORISED_SHARE)) return null;
  const tier = tierOf(customer);
  return rng.weighted(CATEGORY_WORK.map((work) => [work.label, work.weight[tier]] as const));
}

function workOf(category: string | null): { titles: readonly string[]; tasks: readonly string[] } {
  return CATEGORY_WORK.find((work) => work.label === category) ?? UNCATEGORISED_WORK;
}

function description(rng: Prng, category: string | null): string {
  const task = rng.pick(workOf(category).tasks);
  if (category === null || !rng.chance(PREFIXED_SHARE)) return task;
  const other = rng.pick(CATEGORY_WORK);
  return `[${other.label}] ${rng.pick(other.tasks)}`;
}

function ticketLines(
  rng: Prng,
  ticket: DemoTicket,
  customer: DemoCustomerSpec,
  days: readonly string[],
  openIndex: number,
): DemoLine[] {
  const [min, max] = rng.weighted(LINES_PER_TICKET);
  const wanted = Math.max(1, Math.round(rng.int(min, max) * customer.effort));
  const lines: DemoLine[] = [];
  let day = openIndex;
  for (let index = 0; index < wanted && day < days.length; index += 1) {
    lines.push({
      ticketRef: ticket.ref,
      description: description(rng, ticket.category),
      hours: rng.weighted(LINE_HOURS),
      date: days[day] ?? ticket.openedOn,
      employee: rng.pick(STAFF).key,
      packLineRef: null,
    });
    day += rng.weighted(GAP_IN_WORKDAYS);
  }
  return lines;
}

/** Earlier tickets whose work used up `usedBefore` hours of a pack before the demo months. */
function earlierPackWork(pack: DemoPack, firstDemoDay: string, nextRef: () => string) {
  const days = workdays(pack.orderedOn, firstDemoDay).filter((day) => day < firstDemoDay);
  const count = Math.ceil(pack.usedBefore / EARLIER_LINE_HOURS);
  const tickets: DemoTicket[] = [];
  const lines: DemoLine[] = [];
  for (let index = 0; index < count; index += 1) {
    const date = days[Math.floor((index * days.length) / count)] ?? pack.orderedOn;
    if (index % 5 === 0) {
      tickets.push({
        ref: nextRef(),
        customerRef: pack.customerRef,
        partnerRef: `${pack.customerRef}_contact`,
        name: `Help with month-end closing (${tickets.length + 1})`,
        category: 'User support',
        openedOn: date,
      });
    }
    lines.push({
      ticketRef: tickets.at(-1)?.ref ?? '',
      description: 'Guided the month-end closing',
      hours: Math.min(EARLIER_LINE_HOURS, pack.usedBefore - index * EARLIER_LINE_HOURS),
      date,
      employee: 'sara',
      packLineRef: pack.lineRef,
    });
  }
  return { tickets, lines };
}

/**
 * A realistic support company over three months, the same for the same seed: a dozen customers in
 * every agreement situation, a few hundred tickets across every service category, a few thousand
 * timesheet lines, some that cannot be classified and a few logged with zero hours.
 */
export function generateDemoCompany(options: DemoCompanyOptions = {}): DemoCompany {
  const rng = new Prng(options.seed ?? DEFAULT_DEMO_SEED);
  const first = `${DEMO_MONTHS[0]}-01`;
  const days = workdays(first, lastDayOf(DEMO_MONTHS[DEMO_MONTHS.length - 1] ?? DEMO_MONTHS[0]));
  let sequence = 0;
  const nextRef = () => `ticket_${String((sequence += 1)).padStart(4, '0')}`;

  const packs = demoPacks();
  const tickets: DemoTicket[] = [];
  const lines: DemoLine[] = [];
  for (const pack of packs.filter((candidate) => candidate.usedBefore > 0)) {
    const earlier = earlierPackWork(pack, first, nextRef);
    tickets.push(...earlier.tickets);
    lines.push(...earlier.lines);
  }
  ticketDrafts(rng, days).forEach((draft, index) => {
    const category = categoryOf(rng, index, draft.customer);
    const title = rng.pick(workOf(category).titles).replace('{system}', rng.pick(TITLE_SYSTEMS));
    const name = title.charAt(0).toUpperCase() + title.slice(1);
    const ticket: DemoTicket = {
      ref: nextRef(),
      customerRef: draft.customer.ref,
      partnerRef: rng.chance(0.6) ? `${draft.customer.ref}_contact` : draft.customer.ref,
      name,
      category,
      openedOn: days[draft.openIndex] ?? first,
    };
    tickets.push(ticket);
    lines.push(...ticketLines(rng, ticket, draft.customer, days, draft.openIndex));
  });
  for (let index = 0; index < ZERO_HOUR_LINES; index += 1) {
    const on = rng.pick(lines.filter((line) => line.packLineRef === null));
    lines.push({ ...on, description: 'Opened the ticket', hours: 0 });
  }
  return {
    name: DEMO_COMPANY_NAME,
    months: DEMO_MONTHS,
    categories: categoryLabels(),
    customers: CUSTOMERS,
    packs,
    tickets,
    lines,
  };
}
