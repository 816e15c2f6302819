import { z } from 'zod';
import {
  compareDates,
  localDateOfInstant,
  periodOfDate,
  periodOfInstant,
  previousPeriod,
} from '../domain/periods';
import type { CompanyContext } from '../domain/facts';
import type { LocalDate, Period } from '../domain/types';
import { and, or, where, type OdooFilter } from '../odoo/filter';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import { MODELS } from '../odoo/models';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import { date, datetime, many2one } from '../odoo/records/odoo-values';
import { SyncSetupError } from './errors';
import { compareCursors, type Cursor, type CursorStore, type StreamKey } from './cursor-store';
import { searchAllParsed, type OdooReader } from './read/odoo-reader';
import { readCompany } from './read/read-company';
import { customerTimesheetsFilter } from './read/read-work';
import type { ReadPeriodConfig } from './read-period';
import { syncPeriod, type PeriodSyncResult } from './sync-period';
import { syncPeriods, type PeriodInRun } from './sync-periods';
import type { AppliedWrites, OdooWriter } from './write/apply-writes';

/**
 * How far back each incremental read reaches before the cursor: a transaction that started before
 * the last run and committed after it carries an older write_date than records already seen.
 */
export const OVERLAP_SECONDS = 300;

export const TIMESHEET_STREAM = 'timesheets';
export const TICKET_STREAM = 'tickets';

const ChangedRecordSchema = z.object({ id: z.number().int().positive(), write_date: datetime });

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

const ChangedLineSchema = z.object({
  id: z.number().int().positive(),
  date,
  ticket_id: many2one,
  write_date: datetime,
});

function shiftBack(writeDate: string, seconds: number): string {
  const instant = new Date(`${writeDate.replace(' ', 'T')}Z`).getTime() - seconds * 1000;
  return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
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

  const periods = new Set<Period>([current]);
  const tickets = new Set<number>();
  let newest: Cursor | null = null;
  let newestTicket: Cursor | null = null;
  let changedLines: number | null = null;
  if (cursor === null || ticketCursor === null) {
    periods.add(previousPeriod(current));
    newestTicket = await newestRecord(client, MODELS.helpdeskTicket);
  } else {
    // A ticket edited (category, tags, customer) changes how all its time is classified: its
    // draft of last month is re-planned and the current one corrects what was posted.
    const changedTickets = await searchAllParsed(
      client,
      { model: MODELS.helpdeskTicket, schema: ChangedRecordSchema, fields: ['write_date'] },
      where('write_date', '>=', shiftBack(ticketCursor.writeDate, OVERLAP_SECONDS)),
    );
    newestTicket = ticketCursor;
    for (const ticket of changedTickets.records) {
      tickets.add(ticket.id);
      periods.add(previousPeriod(current));
      const seen = { writeDate: ticket.write_date, id: ticket.id };
      if (compareCursors(seen, newestTicket) > 0) newestTicket = seen;
    }
  }
  if (cursor === null) {
    newest = await newestRecord(client, MODELS.analyticLine);
  } else {
    const changed = await searchAllParsed(
      client,
      {
        model: MODELS.analyticLine,
        schema: ChangedLineSchema,
        fields: ['date', profile.timesheetTicketField, 'write_date'],
        renames:
          profile.timesheetTicketField === 'ticket_id'
            ? {}
            : { [profile.timesheetTicketField]: 'ticket_id' },
      },
      and(
        where(profile.timesheetTicketField, '!=', false),
        where('write_date', '>=', shiftBack(cursor.writeDate, OVERLAP_SECONDS)),
        ...(options.customerId === undefined
          ? []
          : [changedForCustomer(profile, options.customerId)]),
      ),
    );
    changedLines = changed.records.length;
    newest = cursor;
    for (const line of changed.records) {
      periods.add(periodOfDate(line.date as LocalDate));
      if (line.ticket_id !== null) tickets.add(line.ticket_id.id);
      const seen = { writeDate: line.write_date, id: line.id };
      if (compareCursors(seen, newest) > 0) newest = seen;
    }
  }
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

/**
 * A customer's run (a queue job) looks only at timesheets that are its business: those on its
 * tickets now, and those its drafts still account for (moved to another customer's ticket since,
 * they must leave its draft). Ticket changes stay unfiltered: they are few, and a ticket that
 * changed customer no longer names the one whose draft must drop it.
 */
function changedForCustomer(profile: FieldProfile, customerId: number): OdooFilter {
  return or(
    customerTimesheetsFilter(profile, customerId),
    where('x_tally_invoice_line_id.move_id.partner_id', '=', customerId),
    where('x_tally_move_id.partner_id', '=', customerId),
  );
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
