import { z } from 'zod';
import { compareDates, periodBounds, periodOfDate, previousPeriod } from '../../domain/periods';
import type { LocalDate, Period } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { customerTimesheetsFilter, timesheetSpec } from '../read/read-work';
import { searchAllParsed, type OdooReader } from '../read/odoo-reader';
import { parseInvoiceKey } from '../write/invoice-key';
import { standingOf, ticketFactsOf } from './stamped-changes';

/**
 * How many months before the current one a run without a cursor looks back for billed time
 * that changed. Older Tally invoices are taken as they stand: a year-old correction is a
 * conversation with the customer, not a line on this month's draft.
 */
export const RECONCILE_MONTHS = 12;

const TallyMoveKeySchema = z.object({ id: z.number().int().positive(), x_tally_key: z.string() });

export interface ReconciledChanges {
  /** Periods before last month with billed time that changed since it was billed, and how many lines. */
  readonly periods: ReadonlyMap<Period, number>;
  /** The tickets of that time: their corrections land on the current draft. */
  readonly tickets: ReadonlySet<number>;
}

/**
 * The reconciliation of a run that has no cursor (the first, or after Redis lost its keys):
 * every line of a customer and month Tally invoiced within the horizon is held against the stamp
 * Tally left on it, so an edit made while no cursor watched still becomes a correction. Last
 * month and the current one are re-planned whole anyway and are not scanned.
 */
export async function reconcileBilled(
  reader: OdooReader,
  profile: FieldProfile,
  scope: { current: Period; companyId: number; customerId?: number },
): Promise<ReconciledChanges> {
  const none = { periods: new Map<Period, number>(), tickets: new Set<number>() };
  const before = previousPeriod(scope.current);
  const invoiced = await invoicedPairs(reader, horizonStart(scope.current), before);
  if (invoiced.size === 0) return none;
  const periods = [...new Set([...invoiced].map((pair) => pair.split('@')[1] as Period))].sort(
    compareDates,
  );
  const first = periodBounds(periods[0] as Period).first;
  const last = periodBounds(previousPeriod(before)).last;
  const read = await searchAllParsed(
    reader,
    timesheetSpec(profile),
    and(
      where(profile.timesheetTicketField, '!=', false),
      where('date', '>=', first),
      where('date', '<=', last),
      where('company_id', '=', scope.companyId),
      ...(scope.customerId === undefined
        ? []
        : [customerTimesheetsFilter(profile, scope.customerId)]),
    ),
  );
  const tickets = await ticketFactsOf(reader, profile, read.records);
  const changed = { periods: new Map<Period, number>(), tickets: new Set<number>() };
  for (const line of read.records) {
    const period = periodOfDate(line.date as LocalDate);
    const ticket = line.ticket_id === null ? undefined : tickets.get(line.ticket_id.id);
    const billedHere = invoiced.has(`${ticket?.customerId ?? ''}@${period}`);
    // A line Tally never stamped matters only where Tally billed its customer's month.
    if (line.x_tally_stamp == null && !billedHere) continue;
    if (standingOf(line, tickets, 'legacy') !== 'changed') continue;
    changed.periods.set(period, (changed.periods.get(period) ?? 0) + 1);
    if (line.ticket_id !== null) changed.tickets.add(line.ticket_id.id);
  }
  return changed;
}

function horizonStart(current: Period): Period {
  let period = current;
  for (let month = 0; month < RECONCILE_MONTHS; month += 1) period = previousPeriod(period);
  return period;
}

/** `customer@period` of every Tally invoice (draft or posted) from `from` up to, not including, `until`. */
async function invoicedPairs(
  reader: OdooReader,
  from: Period,
  until: Period,
): Promise<Set<string>> {
  const moves = await searchAllParsed(
    reader,
    { model: MODELS.accountMove, schema: TallyMoveKeySchema, fields: ['x_tally_key'] },
    and(
      where('move_type', '=', 'out_invoice'),
      where('state', '!=', 'cancel'),
      where('x_tally_key', '=like', 'tally:v1:%'),
    ),
  );
  const pairs = new Set<string>();
  for (const move of moves.records) {
    const key = parseInvoiceKey(move.x_tally_key);
    if (key === null) continue;
    if (compareDates(key.period, from) < 0 || compareDates(key.period, until) >= 0) continue;
    pairs.add(`${key.customerId}@${key.period}`);
  }
  return pairs;
}
