import { z } from 'zod';
import {
  compareDates,
  nextPeriod,
  periodBounds,
  periodOfDate,
  previousPeriod,
} from '../../domain/periods';
import type { LocalDate, Period } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { customerTimesheetsFilter, timesheetSpec } from '../read/read-work';
import { searchAllParsed, type OdooReader } from '../read/odoo-reader';
import { parseInvoiceKey } from '../write/invoice-key';
import { ChangedMonths, standingOf, ticketFactsOf } from './stamped-changes';

/**
 * How many months before the current one a run without a cursor looks back for billed time
 * that changed. Older Tally invoices are taken as they stand: a year-old correction is a
 * conversation with the customer, not a line on this month's draft.
 */
export const RECONCILE_MONTHS = 12;

const TallyMoveKeySchema = z.object({ id: z.number().int().positive(), x_tally_key: z.string() });

export interface ReconciledChanges {
  /** Timesheets that changed since they were billed, month by month, with their tickets. */
  readonly months: ChangedMonths;
  /** Months before the current one that no run planned (after the newest one Tally invoiced). */
  readonly unplanned: ReadonlySet<Period>;
  /** The months of the horizon with a Tally invoice (so they need not be counted again). */
  readonly invoiced: ReadonlySet<Period>;
}

/**
 * The reconciliation of a run that has no cursor (the first, or after Redis lost its keys):
 * every line of a month Tally invoiced within the horizon is held against the stamp Tally left on
 * it, so an edit made while no cursor watched still becomes a correction; and months after the
 * newest one Tally invoiced, which no run planned (runs stopped for a while), are planned now, so
 * their fees are not lost.
 */
export async function reconcileBilled(
  reader: OdooReader,
  profile: FieldProfile,
  scope: { current: Period; companyId: number; customerId?: number },
): Promise<ReconciledChanges> {
  const invoiced = await invoicedPeriods(reader, horizonStart(scope.current), scope.current);
  const unplanned = new Set(
    monthsAfter([...invoiced].sort(compareDates).at(-1) ?? null, scope.current),
  );
  // Every invoiced month is scanned, last month's too: its invoice may be posted already, and
  // a change to posted time is corrected on the current draft only for the tickets found here.
  const oldest = [...invoiced].sort(compareDates)[0];
  if (oldest === undefined) return { months: new ChangedMonths(), unplanned, invoiced };
  const read = await searchAllParsed(
    reader,
    timesheetSpec(profile),
    and(
      where(profile.timesheetTicketField, '!=', false),
      where('date', '>=', periodBounds(oldest).first),
      where('date', '<=', periodBounds(scope.current).last),
      where('company_id', '=', scope.companyId),
      ...(scope.customerId === undefined
        ? []
        : [customerTimesheetsFilter(profile, scope.customerId)]),
    ),
  );
  const tickets = await ticketFactsOf(reader, profile, read.records);
  const changed = read.records.filter(
    (line) =>
      // A line Tally never stamped matters only in a month Tally billed (else: before Tally).
      (line.x_tally_stamp != null || invoiced.has(periodOfDate(line.date as LocalDate))) &&
      standingOf(line, tickets, 'legacy') === 'changed',
  );
  return { months: await ChangedMonths.of(reader, changed), unplanned, invoiced };
}

/** The months after `last` up to (not including) `until`; none when there is no `last`. */
export function monthsAfter(last: Period | null, until: Period): Period[] {
  const months: Period[] = [];
  if (last === null) return months;
  for (let month = nextPeriod(last); compareDates(month, until) < 0; month = nextPeriod(month))
    months.push(month);
  return months;
}

function horizonStart(current: Period): Period {
  let period = current;
  for (let month = 0; month < RECONCILE_MONTHS; month += 1) period = previousPeriod(period);
  return period;
}

/** The months from `from` to `until` (both included) with a Tally invoice, draft or posted. */
async function invoicedPeriods(
  reader: OdooReader,
  from: Period,
  until: Period,
): Promise<Set<Period>> {
  const moves = await searchAllParsed(
    reader,
    { model: MODELS.accountMove, schema: TallyMoveKeySchema, fields: ['x_tally_key'] },
    and(
      where('move_type', '=', 'out_invoice'),
      where('state', '!=', 'cancel'),
      where('x_tally_key', '=like', 'tally:v1:%'),
    ),
  );
  const periods = new Set<Period>();
  for (const move of moves.records) {
    const key = parseInvoiceKey(move.x_tally_key);
    if (key === null) continue;
    if (compareDates(key.period, from) < 0 || compareDates(key.period, until) > 0) continue;
    periods.add(key.period);
  }
  return periods;
}
