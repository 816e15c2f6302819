import {
  compareDates,
  localDateOfInstant,
  periodOfInstant,
  previousPeriod,
} from '../domain/periods';
import type { CompanyContext } from '../domain/facts';
import type { Period } from '../domain/types';
import { and, where } from '../odoo/filter';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import { MODELS } from '../odoo/models';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import { monthsAfter, reconcileBilled } from './changes/reconcile-billed';
import { monthMarker, periodOfMarker, PLANNED_MONTH_STREAM } from './changes/planned-month';
import type { ChangedMonths } from './changes/stamped-changes';
import { windowChanges } from './changes/window-changes';
import { SyncSetupError } from './errors';
import type { Cursor, CursorStore, StreamKey } from './cursor-store';
import type { OdooReader } from './read/odoo-reader';
import { readCompany } from './read/read-company';
import type { ReadPeriodConfig } from './read-period';
import { syncPeriod, type PeriodSyncResult } from './sync-period';
import { syncPeriods, type PeriodInRun } from './sync-periods';
import type { AppliedWrites, OdooWriter } from './write/apply-writes';

export { OVERLAP_SECONDS } from './changes/window-changes';
export const TIMESHEET_STREAM = 'timesheets';
export const TICKET_STREAM = 'tickets';

export interface SyncRunOptions {
  /** Sync exactly this period (a full read of it) and leave the cursor alone. */
  readonly period?: Period;
  readonly customerId?: number;
  readonly dryRun?: boolean;
  /** Ignore the cursor: re-read the current and the previous period whole. */
  readonly full?: boolean;
  /** The current instant (ISO 8601). */
  readonly now: string;
  /** Aborted when the run must stop before its next write. */
  readonly signal?: AbortSignal;
  /** The database's field profile when the caller already knows it (detected otherwise). */
  readonly profile?: FieldProfile;
  /** The company and its zone when the caller already read them (read otherwise). */
  readonly company?: CompanyContext;
}

export interface SyncRunResult {
  readonly periods: readonly PeriodSyncResult[];
  /** The writes the run left to its end (marks no draft holds, pack deliveries); null: none. */
  readonly finalWrites: AppliedWrites | null;
  /** Timesheets changed since the last run (null when the run was not incremental). */
  readonly changedLines: number | null;
  /** Where the next incremental run starts; null when the cursor was not moved. */
  readonly cursor: Cursor | null;
}

/**
 * One sync run. Incremental by default: timesheets written since the cursor (minus an overlap)
 * name the periods to re-plan; each is synced whole, oldest first (sync-periods.ts), and the
 * current period last with every changed ticket included, so time edited after its invoice was
 * posted becomes a correction on the current draft. The cursor moves only after every write
 * succeeded.
 */
export async function syncChanges(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  cursors: { readonly store: CursorStore; readonly instance: string } | null,
  options: SyncRunOptions,
): Promise<SyncRunResult> {
  const profile = options.profile ?? (await detectFieldProfile(fieldNamesVia(client)));
  const company = options.company ?? (await readCompany(client, config.timeZone));
  const today = localDateOfInstant(options.now, company.timeZone);
  const current = periodOfInstant(options.now, company.timeZone);
  if (today === null || current === null) {
    throw new SyncSetupError(
      `The company time zone "${company.timeZone}" is not a valid IANA zone: fix the Tally user's tz in Odoo or set timeZone in the agreements config.`,
      { details: { timeZone: company.timeZone } },
    );
  }
  const base = {
    today,
    profile,
    company,
    ...(options.customerId !== undefined ? { customerId: options.customerId } : {}),
    ...(options.dryRun === true ? { dryRun: true } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  };
  if (options.period !== undefined) {
    const result = await syncPeriod(client, config, { ...base, period: options.period });
    return { periods: [result], finalWrites: null, changedLines: null, cursor: null };
  }
  const key: StreamKey | null =
    cursors === null ? null : { instance: cursors.instance, stream: TIMESHEET_STREAM };
  const ticketKey: StreamKey | null = key === null ? null : { ...key, stream: TICKET_STREAM };
  const monthKey: StreamKey | null = key === null ? null : { ...key, stream: PLANNED_MONTH_STREAM };
  const cursor =
    key === null || cursors === null || options.full === true ? null : await cursors.store.get(key);
  const ticketCursor =
    ticketKey === null || cursors === null || cursor === null
      ? null
      : await cursors.store.get(ticketKey);
  const lastPlanned =
    monthKey === null || cursors === null ? null : await cursors.store.get(monthKey);
  const scope = {
    current,
    companyId: Number(company.id),
    ...(options.customerId === undefined ? {} : { customerId: options.customerId }),
  };
  const found: FoundChanges =
    cursor === null || ticketCursor === null
      ? await reconcileWithoutCursor(client, profile, scope)
      : {
          incremental: true,
          // Months between the last run's and this one's: no run planned them (fees, late work).
          unplanned: new Set(
            monthsAfter(lastPlanned === null ? null : periodOfMarker(lastPlanned), current),
          ),
          ...(await windowChanges(
            client,
            profile,
            { timesheets: cursor, tickets: ticketCursor },
            options.customerId,
          )),
        };
  const { newest, newestTicket } = found;
  const { months, changedLines } = await monthsToPlan(client, found, current);
  const results: PeriodSyncResult[] = [];
  const finalWrites = await syncPeriods(client, config, months, base, (result) =>
    results.push(result),
  );
  const persist = options.dryRun !== true && cursors !== null;
  if (persist && ticketKey !== null && newestTicket !== null)
    await cursors.store.advance(ticketKey, newestTicket);
  if (persist && monthKey !== null) await cursors.store.advance(monthKey, monthMarker(current));
  const moved =
    persist && key !== null && newest !== null ? await cursors.store.advance(key, newest) : null;
  return { periods: results, finalWrites, changedLines, cursor: moved };
}

async function hasTallyInvoices(client: OdooReader, period: Period): Promise<boolean> {
  const count = await client
    .model(MODELS.accountMove)
    .searchCount(
      and(
        where('move_type', '=', 'out_invoice'),
        where('x_tally_key', '=like', `tally:v1:%:${period}`),
      ),
    );
  return count > 0;
}

async function newestRecord(client: OdooReader, model: string): Promise<Cursor | null> {
  const rows = await client
    .model(model)
    .searchRead([], { fields: ['write_date'], order: 'write_date desc, id desc', limit: 1 });
  const row = rows[0];
  return row === undefined || typeof row.write_date !== 'string'
    ? null
    : { writeDate: row.write_date, id: row.id };
}

/** What a run found to do, with or without a cursor. */
interface FoundChanges {
  /** Whether a cursor bounded the search (a run without one reconciles instead). */
  readonly incremental: boolean;
  readonly months: ChangedMonths;
  readonly unplanned: ReadonlySet<Period>;
  /** Months known to have a Tally invoice (a reconciliation read them); others are counted. */
  readonly invoiced?: ReadonlySet<Period>;
  readonly reclassified: readonly number[];
  readonly newest: Cursor | null;
  readonly newestTicket: Cursor | null;
}

/**
 * The months the run plans, oldest first: the current one; those of changed timesheets, when
 * Tally invoiced them (earlier time is assumed billed before Tally); months no run planned; and
 * last month whenever tickets are corrected, since its draft may carry their corrections (or
 * always, without a cursor). The current and last month plan every changed ticket.
 */
async function monthsToPlan(
  client: OdooReader,
  found: FoundChanges,
  current: Period,
): Promise<{ months: PeriodInRun[]; changedLines: number | null }> {
  const previous = previousPeriod(current);
  const kept: Period[] = [];
  const candidates = new Set<Period>([current, ...found.months.lines.keys(), ...found.unplanned]);
  for (const period of candidates) {
    if (
      compareDates(period, previous) >= 0 ||
      found.unplanned.has(period) ||
      (found.invoiced?.has(period) ?? (await hasTallyInvoices(client, period)))
    )
      kept.push(period);
  }
  const tickets = new Set<number>(found.reclassified);
  for (const period of kept)
    for (const id of found.months.tickets.get(period) ?? []) tickets.add(id);
  if (!found.incremental || tickets.size > 0) kept.push(previous);
  const months = [...new Set(kept)].sort(compareDates).map((period) => ({
    period,
    ...(period === current || period === previous ? { extraTicketIds: [...tickets] } : {}),
  }));
  // Lines of months Tally never billed (time from before Tally) are not changes it acts on.
  const changedLines = found.incremental
    ? months.reduce((sum, month) => sum + (found.months.lines.get(month.period) ?? 0), 0)
    : null;
  return { months, changedLines };
}

/**
 * A run without a cursor (the first, after `--full`, or after Redis lost its keys) re-plans the
 * last and the current month whole, reconciles the billed months before them against their
 * stamps, and starts the cursors at the newest records.
 */
async function reconcileWithoutCursor(
  client: OdooReader,
  profile: FieldProfile,
  scope: { current: Period; companyId: number; customerId?: number },
): Promise<FoundChanges> {
  // The cursors start where the scan starts: an edit made while it reads is seen next time.
  const newest = await newestRecord(client, MODELS.analyticLine);
  const newestTicket = await newestRecord(client, MODELS.helpdeskTicket);
  const reconciled = await reconcileBilled(client, profile, scope);
  return { incremental: false, ...reconciled, reclassified: [], newest, newestTicket };
}
