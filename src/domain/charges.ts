import type { Decision } from './decision';
import { countedLineMinutes, ticketTarget } from './rounding';
import type { BillingSettings } from './settings';
import type { CategoryKey, LocalDate, Minutes, TicketId, TimesheetId } from './types';
import { compareIds, compareText, minutes } from './types';

/**
 * A dated slice of a ticket's charge for the period. Units carry a date because prepaid packs are
 * only usable between their start and expiry, and a category because rates may differ.
 */
export interface ChargeUnit {
  readonly ticketId: TicketId;
  readonly date: LocalDate;
  readonly category: CategoryKey | null;
  /** Positive: billed (drawn from packs first); negative: a correction of earlier billing. */
  readonly minutes: Minutes;
  readonly lineIds: readonly TimesheetId[];
  /**
   * `line`: logged time; `adjustment`: minimum top-up, request rounding or a correction of
   * earlier billing; `late`: time logged in earlier periods after they were billed.
   */
  readonly source: 'line' | 'adjustment' | 'late';
}

export interface TicketCharge {
  readonly ticketId: TicketId;
  readonly billedBefore: Minutes;
  /** Billable minutes logged in the period (unrounded). */
  readonly billableInPeriod: Minutes;
  readonly target: Minutes;
  /** target - billedBefore: what this period bills for the ticket (negative = correction). */
  readonly charge: Minutes;
  readonly units: readonly ChargeUnit[];
}

const byDateThenId = (a: Decision, b: Decision) =>
  compareText(a.date, b.date) || compareIds(a.lineId, b.lineId);

/**
 * Splits a ticket's period charge into dated units. The earliest billable minutes are the ones
 * earlier periods already paid for (including a minimum top-up), so in-period lines first use up
 * that credit in date order; whatever the target still needs is attached to the ticket's last
 * billable line in the period; a shortfall is taken back from the latest units, and what remains
 * becomes a negative correction unit.
 */
export function chargeTicket(
  ticketId: TicketId,
  billableBefore: readonly Decision[],
  billableInPeriod: readonly Decision[],
  billedBefore: Minutes,
  billing: BillingSettings,
  periodStart: LocalDate,
): TicketCharge {
  const inPeriod = [...billableInPeriod].sort(byDateThenId);
  const countedBefore = billableBefore.reduce(
    (sum, decision) => sum + countedLineMinutes(decision.minutes, billing),
    0,
  );
  const counted = inPeriod.map((decision) => countedLineMinutes(decision.minutes, billing));
  const target = ticketTarget(
    minutes(countedBefore + counted.reduce((sum, value) => sum + value, 0)),
    billing,
  );
  const charge = minutes(target - billedBefore);
  // What the earlier lines alone call for but earlier periods did not bill: time logged (or
  // reclassified as billable) in a period after it was invoiced. It is charged now, as a late unit.
  const earlierTarget = countedBefore === 0 ? 0 : ticketTarget(minutes(countedBefore), billing);
  const late = Math.max(0, Math.min(charge, earlierTarget - billedBefore));
  const billedIncludingLate = billedBefore + late;

  let credit = Math.max(0, billedIncludingLate - countedBefore);
  const amounts = counted.map((value) => {
    const used = Math.min(credit, value);
    credit -= used;
    return value - used;
  });
  let residual = charge - late - amounts.reduce((sum, value) => sum + value, 0);
  for (let index = amounts.length - 1; index >= 0 && residual < 0; index -= 1) {
    const taken = Math.min(amounts[index] ?? 0, -residual);
    amounts[index] = (amounts[index] ?? 0) - taken;
    residual += taken;
  }

  const units: ChargeUnit[] = [];
  if (late > 0) {
    const latest = [...billableBefore].sort(byDateThenId).at(-1);
    units.push({
      ticketId,
      date: periodStart,
      category: latest?.category ?? null,
      minutes: minutes(late),
      lineIds: latest === undefined ? [] : [latest.lineId],
      source: 'late',
    });
  }
  inPeriod.forEach((decision, index) => {
    const amount = amounts[index] ?? 0;
    if (amount !== 0) {
      units.push({
        ticketId,
        date: decision.date,
        category: decision.category,
        minutes: minutes(amount),
        lineIds: [decision.lineId],
        source: 'line',
      });
    }
  });
  if (residual !== 0) {
    const anchor = inPeriod.at(-1) ?? [...billableBefore].sort(byDateThenId).at(-1);
    units.push({
      ticketId,
      date: inPeriod.at(-1)?.date ?? periodStart,
      category: anchor?.category ?? null,
      minutes: minutes(residual),
      lineIds: inPeriod.slice(-1).map((decision) => decision.lineId),
      source: 'adjustment',
    });
  }
  return {
    ticketId,
    billedBefore,
    billableInPeriod: minutes(inPeriod.reduce((sum, decision) => sum + decision.minutes, 0)),
    target,
    charge,
    units,
  };
}
