import {
  comparePacks,
  compareText,
  isPackUsable,
  type LocalDate,
  type Minutes,
  type PrepaidPack,
} from '../../domain';
import type { NextPack } from './statement';

/** One of the customer's packs with its balance at the end of the period. */
export interface PackStanding {
  readonly pack: PrepaidPack;
  readonly closing: Minutes;
}

const byDrawingOrder = (a: PackStanding, b: PackStanding) => comparePacks(a.pack, b.pack);

const byStart = (a: PackStanding, b: PackStanding) =>
  compareText(a.pack.startDate, b.pack.startDate) || byDrawingOrder(a, b);

const nextOf = ({ pack, closing }: PackStanding, startsOn: LocalDate | null): NextPack => ({
  packId: pack.id,
  name: pack.name,
  balance: closing,
  expiresOn: pack.expiresOn,
  startsOn,
});

/**
 * What pays for work dated `from` on once a pack is used up or expired: the pack the engine draws
 * next that day (usable, with hours left, soonest expiry first), else the first pack with hours
 * that starts later (the hourly rate until then), else nothing but the hourly rate (null).
 */
export function nextPack(from: LocalDate, others: readonly PackStanding[]): NextPack | null {
  const withHours = others.filter(
    ({ pack, closing }) => closing > 0 && (pack.expiresOn === null || from < pack.expiresOn),
  );
  const [usable] = withHours.filter(({ pack }) => isPackUsable(pack, from)).sort(byDrawingOrder);
  if (usable !== undefined) return nextOf(usable, null);
  const [later] = withHours.filter(({ pack }) => pack.startDate > from).sort(byStart);
  return later === undefined ? null : nextOf(later, later.pack.startDate);
}
