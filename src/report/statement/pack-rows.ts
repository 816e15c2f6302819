import {
  compareIds,
  compareText,
  minutes,
  type Decision,
  type InvoicePlan,
  type LocalDate,
  type Minutes,
  type PackBalance,
  type PackId,
  type PrepaidPack,
  type TicketFacts,
  type TicketId,
} from '../../domain';
import { addDays, daysBetween } from './dates';
import { nextPack, type PackStanding } from './next-pack';
import type {
  BurnDownPoint,
  NextPack,
  PackDrawdown,
  PackProjection,
  StatementPack,
} from './statement';

interface Dated {
  readonly date: LocalDate;
  readonly ticketId: TicketId;
  readonly minutes: number;
}

const byDateThenId = (a: Decision, b: Decision) =>
  compareText(a.date, b.date) || compareIds(a.lineId, b.lineId);

/**
 * The plan gives each ticket's drawdown per pack with the timesheets it paid for, not per day.
 * Packs are drawn in date order, so the drawn minutes are spread over those timesheets oldest
 * first, each up to its logged time; what is left (a minimum top-up) falls on the last one.
 */
function datedDrawdowns(plan: InvoicePlan, packId: PackId, fallback: LocalDate): Dated[] {
  const decisions = new Map(plan.decisions.map((decision) => [decision.lineId, decision]));
  const dated: Dated[] = [];
  for (const section of plan.sections) {
    for (const line of section.lines) {
      if (line.kind !== 'drawdown' || line.packId !== packId) continue;
      const sources = line.timesheetIds.flatMap((id) => decisions.get(id) ?? []).sort(byDateThenId);
      let left: number = line.minutes ?? 0;
      for (const source of sources) {
        const taken = Math.min(left, Math.max(0, source.minutes));
        if (taken > 0)
          dated.push({ date: source.date, ticketId: section.ticketId, minutes: taken });
        left -= taken;
      }
      if (left > 0) {
        const date = sources.at(-1)?.date ?? fallback;
        dated.push({ date, ticketId: section.ticketId, minutes: left });
      }
    }
  }
  return dated;
}

function drawdownRows(
  dated: readonly Dated[],
  opening: Minutes,
  tickets: ReadonlyMap<TicketId, TicketFacts>,
): PackDrawdown[] {
  const merged = new Map<string, Dated>();
  for (const entry of dated) {
    const key = `${entry.date}|${entry.ticketId}`;
    const known = merged.get(key);
    merged.set(key, { ...entry, minutes: (known?.minutes ?? 0) + entry.minutes });
  }
  const numberOf = (id: TicketId) => tickets.get(id)?.number ?? `#${id}`;
  let balance: number = opening;
  return [...merged.values()]
    .sort(
      (a, b) =>
        compareText(a.date, b.date) ||
        compareText(numberOf(a.ticketId), numberOf(b.ticketId)) ||
        compareIds(a.ticketId, b.ticketId),
    )
    .map((entry) => {
      balance -= entry.minutes;
      return {
        date: entry.date,
        ticketNumber: numberOf(entry.ticketId),
        minutes: minutes(entry.minutes),
        balanceAfter: minutes(balance),
      };
    });
}

function burnDown(
  start: LocalDate,
  opening: Minutes,
  drawdowns: readonly PackDrawdown[],
  end: { date: LocalDate; balance: Minutes },
): BurnDownPoint[] {
  const points: BurnDownPoint[] = [{ date: start, balance: opening }];
  for (const drawdown of drawdowns) {
    const last = points.at(-1);
    if (last?.date === drawdown.date)
      points[points.length - 1] = { ...last, balance: drawdown.balanceAfter };
    else points.push({ date: drawdown.date, balance: drawdown.balanceAfter });
  }
  if (points.at(-1)?.date !== end.date) points.push(end);
  return points;
}

/**
 * The pace of the period projected forward: the average use per day since the period (or the
 * pack) started, applied to the closing balance. A pack that is gone carries `next`, what pays for
 * work after the period.
 */
export function projectPack(
  balance: PackBalance,
  start: LocalDate,
  last: LocalDate,
  next: NextPack | null,
): PackProjection {
  if (balance.expiresOn !== null && balance.expiresOn <= addDays(last, 1)) {
    return { kind: 'expired', on: balance.expiresOn, unused: balance.closing, next };
  }
  if (balance.closing <= 0) return { kind: 'used_up', next };
  if (balance.drawn <= 0) return { kind: 'no_use' };
  const basisDays = daysBetween(start, last) + 1;
  const minutesPerDay = balance.drawn / basisDays;
  const on = addDays(last, Math.ceil(balance.closing / minutesPerDay));
  return {
    kind: 'run_out',
    on,
    minutesPerDay,
    basisDays,
    expiresFirst: balance.expiresOn !== null && balance.expiresOn <= on,
  };
}

/**
 * The customer's packs usable in the period (bought by its last day, not expired before its first)
 * with purchases, dated drawdowns, a burn-down and a projected run-out date; a pack that is gone
 * names the customer's pack that pays next (any of its packs, a later one too).
 */
export function packRows(
  plan: InvoicePlan,
  packs: readonly PrepaidPack[],
  tickets: ReadonlyMap<TicketId, TicketFacts>,
  bounds: { first: LocalDate; last: LocalDate },
): StatementPack[] {
  const facts = new Map(packs.map((pack) => [pack.id, pack]));
  const standings: PackStanding[] = plan.packBalances.flatMap((balance) => {
    const pack = facts.get(balance.packId);
    return pack === undefined ? [] : [{ pack, closing: balance.closing }];
  });
  const after = addDays(bounds.last, 1);
  return plan.packBalances.flatMap((balance): StatementPack[] => {
    const pack = facts.get(balance.packId);
    if (pack === undefined || pack.startDate > bounds.last) return [];
    if (pack.expiresOn !== null && pack.expiresOn <= bounds.first) return [];
    const start = pack.startDate > bounds.first ? pack.startDate : bounds.first;
    const drawdowns = drawdownRows(
      datedDrawdowns(plan, balance.packId, start),
      balance.opening,
      tickets,
    );
    const others = standings.filter((standing) => standing.pack.id !== balance.packId);
    const projection = projectPack(balance, start, bounds.last, nextPack(after, others));
    const end =
      projection.kind === 'expired'
        ? { date: projection.on, balance: minutes(0) }
        : { date: bounds.last, balance: balance.closing };
    return [
      {
        packId: balance.packId,
        name: balance.name,
        purchasedOn: pack.startDate,
        purchased: pack.purchased,
        expiresOn: pack.expiresOn,
        opening: balance.opening,
        drawn: balance.drawn,
        closing: balance.closing,
        drawdowns,
        burnDown: burnDown(start, balance.opening, drawdowns, end),
        projection,
      },
    ];
  });
}
