import { parseLineKey, type PlanLineKind } from '../../domain/line-key';
import { compareDates } from '../../domain/periods';
import type { TicketBillingHistory } from '../../domain/facts';
import type { Minutes, Period, TicketId } from '../../domain/types';
import { MINUTES_PER_HOUR, minutes } from '../../domain/types';
import type { TallyMove, TallyMoveLine } from '../../odoo/records/tally-invoice';
import { parseInvoiceKey } from './invoice-key';

/** One keyed line of a Tally invoice, as billing history. */
export interface LedgerEntry {
  readonly customerId: string;
  readonly period: Period;
  readonly moveId: number;
  /** The invoice number (`INV/2026/00001`), null on a draft without one. */
  readonly moveName: string | null;
  readonly state: TallyMove['state'];
  readonly ticketId: TicketId | null;
  readonly kind: PlanLineKind;
  readonly discriminator: string;
  readonly minutes: Minutes;
}

/** Kinds of line that charge time (drawn from a pack or invoiced). */
export const CHARGED_KINDS: readonly PlanLineKind[] = ['billed', 'drawdown', 'correction'];
const CHARGED: ReadonlySet<PlanLineKind> = new Set(CHARGED_KINDS);

/**
 * What Tally's own invoices say was billed, line by line. Quantities are hours rounded by Odoo;
 * each line is turned back into whole minutes before summing (2-decimal hours always round back
 * to the minute they came from).
 */
export function buildLedger(
  moves: readonly Pick<TallyMove, 'id' | 'name' | 'state' | 'x_tally_key'>[],
  lines: readonly Pick<TallyMoveLine, 'move_id' | 'x_tally_key' | 'quantity'>[],
): LedgerEntry[] {
  const moveById = new Map(moves.map((move) => [move.id, move]));
  const entries: LedgerEntry[] = [];
  for (const line of lines) {
    const move = moveById.get(line.move_id);
    const invoice = move === undefined ? null : parseInvoiceKey(move.x_tally_key);
    const key = line.x_tally_key === null ? null : parseLineKey(line.x_tally_key);
    if (move === undefined || invoice === null || key === null) continue;
    entries.push({
      customerId: invoice.customerId,
      period: invoice.period,
      moveId: move.id,
      moveName: move.name,
      state: move.state,
      ticketId: key.ticketId,
      kind: key.kind,
      discriminator: key.discriminator,
      minutes: minutes(Math.round(line.quantity * MINUTES_PER_HOUR)),
    });
  }
  return entries;
}

/**
 * Billed minutes per ticket in invoices of periods before `period`. Cancelled invoices count as
 * billed: cancelling is finance's decision about that time, which Tally does not second-guess by
 * charging it again.
 */
export function ledgerHistory(
  entries: readonly LedgerEntry[],
  period: Period,
): TicketBillingHistory[] {
  const billed = new Map<TicketId, number>();
  for (const entry of entries) {
    if (entry.ticketId === null || compareDates(entry.period, period) >= 0) continue;
    if (!CHARGED.has(entry.kind)) continue;
    billed.set(entry.ticketId, (billed.get(entry.ticketId) ?? 0) + entry.minutes);
  }
  return [...billed].map(([ticketId, total]) => ({ ticketId, billedBefore: minutes(total) }));
}

/** Minutes drawn from a pack by invoices of periods before `period` (all periods when null). */
export function drawnFromPack(
  entries: readonly LedgerEntry[],
  packId: string,
  period: Period | null,
): Minutes {
  let total = 0;
  for (const entry of entries) {
    if (entry.kind !== 'drawdown' || entry.discriminator !== packId) continue;
    if (period !== null && compareDates(entry.period, period) >= 0) continue;
    total += entry.minutes;
  }
  return minutes(total);
}

/** Invoice numbers that billed a ticket before `period`, oldest first (for correction labels). */
export function invoicesOfTicket(
  entries: readonly LedgerEntry[],
  ticketId: TicketId,
  period: Period,
): string[] {
  const names = entries
    .filter(
      (entry) =>
        entry.ticketId === ticketId &&
        entry.moveName !== null &&
        compareDates(entry.period, period) < 0,
    )
    .sort((a, b) => compareDates(a.period, b.period) || a.moveId - b.moveId)
    .map((entry) => entry.moveName as string);
  return [...new Set(names)];
}
