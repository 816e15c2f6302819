import type { Decision } from '../domain/decision';
import { parseLineKey, type LineKeyParts } from '../domain/line-key';
import { prorate } from '../domain/money';
import type { InvoicePlan, PlanLine, PlanSection, PlanTotals } from '../domain/plan-types';
import type {
  CategoryKey,
  CustomerId,
  PackId,
  TicketId,
  TierKey,
  TimesheetId,
} from '../domain/types';
import { MINUTES_PER_HOUR, minorUnits, minutes } from '../domain/types';
import type { TallyMove, TallyMoveLine } from '../odoo/records/tally-invoice';
import type { ClosedInvoice } from './write/write-plan';

/**
 * A customer whose invoice of the period finance closed (posted, or cancelled with no other): what
 * that invoice holds, as a plan, and the period's time it does not hold.
 */
export interface ClosedPlan {
  readonly customerId: CustomerId;
  readonly invoice: { readonly name: string | null; readonly state: ClosedInvoice['state'] };
  /** The invoice's own lines and the decisions about the timesheets it holds. */
  readonly plan: InvoicePlan;
  /**
   * Decisions about the period's timesheets the invoice does not hold: logged, or moved into the
   * period, after it was closed. A later draft bills their time as a correction.
   */
  readonly outside: readonly Decision[];
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Hundredths of an hour, as Odoo stores a quantity (2 decimals). */
const hundredths = (quantity: number) => Math.round(quantity * 100);

/** One keyed product line of the invoice as a plan line, priced as Odoo prices it. */
function planLineOf(
  line: TallyMoveLine,
  key: LineKeyParts & { kind: PlanLine['kind'] },
  decimals: number,
  corrects: readonly string[],
): PlanLine {
  const unitPrice = minorUnits(Math.round(line.price_unit * 10 ** decimals));
  const discount: 0 | 100 = line.discount >= 100 ? 100 : 0;
  const own = (kinds: readonly PlanLine['kind'][]) => kinds.includes(key.kind);
  // Covered lines are told apart by `<category>.<tier>`, billed ones by category; '-' is none.
  const [category, tier] = key.discriminator.split('.').map((part) => (part === '-' ? null : part));
  return {
    key: line.x_tally_key ?? '',
    kind: key.kind,
    label: line.name ?? '',
    minutes: own(['fee']) ? null : minutes(Math.round(line.quantity * MINUTES_PER_HOUR)),
    unitPrice,
    discountPercent: discount,
    // quantity × unit price × (1 − discount), rounded as Tally rounds money.
    amount: prorate(unitPrice, hundredths(line.quantity) * (100 - discount), 100 * 100),
    category: own(['covered', 'billed', 'correction'])
      ? ((category ?? null) as CategoryKey | null)
      : null,
    packId: own(['drawdown']) ? (key.discriminator as PackId) : null,
    tier: own(['fee'])
      ? (key.discriminator as TierKey)
      : own(['covered'])
        ? ((tier ?? null) as TierKey | null)
        : null,
    timesheetIds: line.x_tally_timesheet_ids.map((id) => String(id) as TimesheetId),
    ...(own(['correction']) && corrects.length > 0 ? { corrects } : {}),
  };
}

/** The invoice's keyed lines, in its order, as ticket sections and fee lines. */
function invoiceLines(
  lines: readonly TallyMoveLine[],
  decimals: number,
  originsOf: (ticketId: TicketId) => readonly string[],
): { sections: PlanSection[]; feeLines: PlanLine[] } {
  const sections = new Map<string, PlanSection & { lines: PlanLine[] }>();
  const feeLines: PlanLine[] = [];
  for (const line of [...lines].sort((a, b) => a.sequence - b.sequence || a.id - b.id)) {
    const key = line.x_tally_key === null ? null : parseLineKey(line.x_tally_key);
    if (key === null) continue;
    if (key.ticketId === null) {
      if (key.kind === 'fee')
        feeLines.push(planLineOf(line, { ...key, kind: 'fee' }, decimals, []));
      continue;
    }
    const ticketId = key.ticketId;
    const section = sections.get(ticketId) ?? { key: '', ticketId, title: '', lines: [] };
    sections.set(ticketId, section);
    if (key.kind === 'section') {
      sections.set(ticketId, { ...section, key: line.x_tally_key ?? '', title: line.name ?? '' });
    } else {
      section.lines.push(
        planLineOf(line, { ...key, kind: key.kind }, decimals, originsOf(ticketId)),
      );
    }
  }
  return { sections: [...sections.values()], feeLines };
}

/** The invoice's totals: time and money from its lines, logged and held time from its decisions. */
function invoicedTotals(
  sections: readonly PlanSection[],
  feeLines: readonly PlanLine[],
  decisions: readonly Decision[],
): PlanTotals {
  const lines = sections.flatMap((section) => section.lines);
  const time = (kinds: readonly PlanLine['kind'][]) =>
    minutes(sum(lines.filter((line) => kinds.includes(line.kind)).map((l) => l.minutes ?? 0)));
  const decided = (coverage?: Decision['coverage']) =>
    minutes(
      sum(
        decisions
          .filter((d) => coverage === undefined || d.coverage === coverage)
          .map((d) => d.minutes),
      ),
    );
  const drawn = time(['drawdown']);
  const invoiced = time(['billed', 'correction']);
  const billable = decided('billable');
  return {
    logged: decided(),
    covered: time(['covered']),
    billable,
    review: decided('review'),
    drawn,
    invoiced,
    adjustment: minutes(drawn + invoiced - billable),
    amount: minorUnits(sum([...lines, ...feeLines].map((line) => line.amount))),
  };
}

/**
 * A closed invoice as the plan of its period: its own lines (labels, hours and prices as Odoo
 * holds them), the re-planned decisions about the timesheets it holds (carried by a line or linked
 * uncharged), and its packs drawn as it drew them. Later time never changes what it shows.
 */
export function invoicedPlan(
  replanned: InvoicePlan,
  invoice: { readonly move: TallyMove; readonly lines: readonly TallyMoveLine[] },
  decimals: number,
  originsOf: (ticketId: TicketId) => readonly string[],
): { plan: InvoicePlan; outside: Decision[] } {
  const own = invoice.lines.filter((line) => line.move_id === invoice.move.id);
  const held = new Set([
    ...invoice.move.x_tally_timesheet_ids,
    ...own.flatMap((line) => line.x_tally_timesheet_ids),
  ]);
  const holds = (id: TimesheetId) => held.has(Number(id));
  const decisions = replanned.decisions.filter((decision) => holds(decision.lineId));
  const { sections, feeLines } = invoiceLines(own, decimals, originsOf);
  const drawnFrom = (packId: PackId) =>
    sum(
      sections
        .flatMap((section) => section.lines)
        .filter((line) => line.kind === 'drawdown' && line.packId === packId)
        .map((line) => line.minutes ?? 0),
    );
  return {
    plan: {
      ...replanned,
      sections,
      feeLines,
      decisions,
      reviewItems: replanned.reviewItems.filter((item) => holds(item.lineId)),
      packBalances: replanned.packBalances.map((balance) => ({
        ...balance,
        drawn: minutes(drawnFrom(balance.packId)),
        closing: minutes(balance.opening - drawnFrom(balance.packId)),
      })),
      totals: invoicedTotals(sections, feeLines, decisions),
    },
    outside: replanned.decisions.filter((decision) => !holds(decision.lineId)),
  };
}

/** Each closed customer of the period: its invoice as a plan (see invoicedPlan). */
export function closedPlans(
  plans: readonly { readonly plan: InvoicePlan }[],
  closed: readonly ClosedInvoice[],
  invoices: { readonly moves: readonly TallyMove[]; readonly lines: readonly TallyMoveLine[] },
  decimals: number,
  originsOf: (ticketId: TicketId) => readonly string[],
): ClosedPlan[] {
  return closed.flatMap((entry) => {
    const replanned = plans.find(({ plan }) => plan.customerId === String(entry.customerId));
    const move = invoices.moves.find((candidate) => candidate.id === entry.moveId);
    if (replanned === undefined || move === undefined) return [];
    const shown = invoicedPlan(
      replanned.plan,
      { move, lines: invoices.lines },
      decimals,
      originsOf,
    );
    return [
      {
        customerId: replanned.plan.customerId,
        invoice: { name: entry.name, state: entry.state },
        ...shown,
      },
    ];
  });
}
