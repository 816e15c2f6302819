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
import { reconcileBilled } from './changes/reconcile-billed';
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
  const cursor =
    key === null || cursors === null || options.full === true ? null : await cursors.store.get(key);
  const ticketCursor =
    ticketKey === null || cursors === null || cursor === null
      ? null
      : await cursors.store.get(ticketKey);
  const scope = {
    current,
    companyId: Number(company.id),
    ...(options.customerId === undefined ? {} : { customerId: options.customerId }),
  };
  const found =
    cursor === null || ticketCursor === null
      ? await reconcileWithoutCursor(client, profile, scope)
      : {
          incremental: true,
          ...(await windowChanges(
            client,
            profile,
            { timesheets: cursor, tickets: ticketCursor },
            options.customerId,
          )),
        };
  const periods = new Set<Period>([current, ...found.periods.keys()]);
  if (found.reclassified) periods.add(previousPeriod(current));
  const { tickets, newest, newestTicket } = found;
  const months: PeriodInRun[] = [];
  for (const period of [...periods].sort(compareDates)) {
    // A period older than last month is re-planned only if Tally invoiced it: earlier time is
    // assumed billed before Tally (its changes still reach the current draft as corrections).
    if (
      compareDates(period, previousPeriod(current)) < 0 &&
      !(await hasTallyInvoices(client, period))
    )
      continue;
    months.push({
      period,
      ...(period === current || period === previousPeriod(current)
        ? { extraTicketIds: [...tickets] }
        : {}),
    });
  }
  // Lines of months Tally never billed (time from before Tally) are not changes it acts on.
  const changedLines = found.incremental
    ? months.reduce((sum, month) => sum + (found.periods.get(month.period) ?? 0), 0)
    : null;
  const results: PeriodSyncResult[] = [];
  const finalWrites = await syncPeriods(client, config, months, base, (result) =>
    results.push(result),
  );
  const persist = options.dryRun !== true && cursors !== null;
  if (persist && ticketKey !== null && newestTicket !== null)
    await cursors.store.advance(ticketKey, newestTicket);
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

/**
 * A run without a cursor (the first, after `--full`, or after Redis lost its keys) re-plans the
 * last and the current month whole, reconciles the billed months before them against their
 * stamps, and starts the cursors at the newest records.
 */
async function reconcileWithoutCursor(
  client: OdooReader,
  profile: FieldProfile,
  scope: { current: Period; companyId: number; customerId?: number },
): Promise<{
  incremental: false;
  periods: ReadonlyMap<Period, number>;
  tickets: ReadonlySet<number>;
  reclassified: boolean;
  newest: Cursor | null;
  newestTicket: Cursor | null;
}> {
  // The cursors start where the scan starts: an edit made while it reads is seen next time.
  const newest = await newestRecord(client, MODELS.analyticLine);
  const newestTicket = await newestRecord(client, MODELS.helpdeskTicket);
  const reconciled = await reconcileBilled(client, profile, scope);
  return {
    incremental: false,
    periods: reconciled.periods,
    tickets: reconciled.tickets,
    reclassified: true,
    newest,
    newestTicket,
  };
}
