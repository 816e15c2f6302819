import type { ChargeUnit } from './charges';
import type { PrepaidPack } from './facts';
import type { LocalDate, Minutes, PackId } from './types';
import { compareIds, compareText, minutes } from './types';
import { addMonths } from './periods';
import type { PackProductDefinition } from './settings';
import { hoursToMinutes } from './time-units';

/**
 * Prepaid drawdown. Deterministic order:
 * - charge units are drawn in (date, ticket id, position) order;
 * - each unit draws from the packs usable on its date (start date <= date < expiry), soonest
 *   expiry first (packs that never expire last), then oldest start date, then smallest pack id;
 * - a pack never goes below zero (a negative opening balance counts as zero); the rest of a unit
 *   is overage, invoiced at the hourly rate;
 * - corrections (negative units) never return hours to a pack: they are credited on the invoice.
 */

export interface Drawdown {
  readonly unitIndex: number;
  readonly packId: PackId;
  readonly minutes: Minutes;
  /** The pack's balance right after this drawdown (for "hours left" labels). */
  readonly balanceAfter: Minutes;
}

export interface PackBalance {
  readonly packId: PackId;
  readonly name: string;
  readonly opening: Minutes;
  readonly drawn: Minutes;
  readonly closing: Minutes;
  readonly expiresOn: LocalDate | null;
}

export interface DrawdownResult {
  readonly drawdowns: readonly Drawdown[];
  /** Per unit (same index as the input): minutes left to invoice after drawing from packs. */
  readonly overage: readonly Minutes[];
  readonly balances: readonly PackBalance[];
}

/** First day a pack bought on `startDate` can no longer be used, given its expiry in months. */
export function packExpiry(startDate: LocalDate, expiryMonths: number | null): LocalDate | null {
  return expiryMonths === null ? null : addMonths(startDate, expiryMonths);
}

/** True when the pack may pay for work dated `date`. */
export function isPackUsable(pack: PrepaidPack, date: LocalDate): boolean {
  return pack.startDate <= date && (pack.expiresOn === null || date < pack.expiresOn);
}

/** Drawing order of packs: soonest expiry, then oldest, then id. */
export function comparePacks(a: PrepaidPack, b: PrepaidPack): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return compareText(a.expiresOn, b.expiresOn);
  }
  return compareText(a.startDate, b.startDate) || compareIds(a.id, b.id);
}

/** The order in which units draw (see the rules above); returns indexes into `units`. */
export function drawingOrder(units: readonly ChargeUnit[]): number[] {
  return units
    .map((_, index) => index)
    .sort((a, b) => {
      const left = units[a];
      const right = units[b];
      if (!left || !right) return 0;
      return (
        compareText(left.date, right.date) || compareIds(left.ticketId, right.ticketId) || a - b
      );
    });
}

/** Draws the positive units from the packs (see the rules above). */
export function drawDown(
  units: readonly ChargeUnit[],
  packs: readonly PrepaidPack[],
): DrawdownResult {
  const ordered = [...packs].sort(comparePacks);
  const balance = new Map<PackId, number>(
    ordered.map((pack) => [pack.id, Math.max(0, pack.openingBalance)]),
  );
  const overage = units.map((unit) => unit.minutes as number);
  const drawdowns: Drawdown[] = [];

  for (const index of drawingOrder(units)) {
    const unit = units[index];
    if (!unit || unit.minutes <= 0) continue;
    let remaining: number = unit.minutes;
    for (const pack of ordered) {
      if (remaining === 0) break;
      const available = balance.get(pack.id) ?? 0;
      if (available === 0 || !isPackUsable(pack, unit.date)) continue;
      const taken = Math.min(available, remaining);
      balance.set(pack.id, available - taken);
      remaining -= taken;
      drawdowns.push({
        unitIndex: index,
        packId: pack.id,
        minutes: minutes(taken),
        balanceAfter: minutes(available - taken),
      });
    }
    overage[index] = remaining;
  }

  const balances = ordered.map((pack) => {
    const opening = Math.max(0, pack.openingBalance);
    const closing = balance.get(pack.id) ?? opening;
    return {
      packId: pack.id,
      name: pack.name,
      opening: minutes(opening),
      drawn: minutes(opening - closing),
      closing: minutes(closing),
      expiresOn: pack.expiresOn,
    };
  });
  return { drawdowns, overage: overage.map((value) => minutes(value)), balances };
}

/**
 * Minutes bought by one sale line of a pack product: each unit sold is the pack's size, but a pack
 * sold in a time unit of measure counts its quantity converted to hours (`hoursPerUom`: 1 for
 * Hours, 8 for Odoo's standard Days; null when the unit of measure is not a time unit).
 */
export function packPurchasedMinutes(
  product: PackProductDefinition,
  quantity: number,
  hoursPerUom: number | null,
): Minutes {
  const total =
    hoursPerUom === null ? quantity * product.minutesPerUnit : quantity * hoursPerUom * 60;
  return hoursToMinutes(total / 60, 'nearest_minute');
}
