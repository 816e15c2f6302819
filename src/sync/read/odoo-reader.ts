import { inBatches } from '../../odoo/batching';
import { and, where, type OdooFilter } from '../../odoo/filter';
import type { ModelApi, OdooRow } from '../../odoo/model-api';
import { parseRecords, type ParsedRecords } from '../../odoo/records/parse-records';
import type { z } from 'zod';

/** What the period reader needs of the Odoo client (the `OdooClient` satisfies it). */
export interface OdooReader {
  model(name: string): ModelApi;
  readonly uid: number;
}

/**
 * Ids per `read` or per `in` filter. odoo-rpc.md §5's 200-500 is an unverified rule of thumb; the
 * bench (bench/README.md) showed that at a few ms of latency per call the number of calls, not
 * their size, bounds a sync. 2,000 ids make a request of about 15 KB and an `IN` list PostgreSQL
 * answers from the primary key or a many2one index.
 */
export const IDS_PER_CALL = 2000;

/**
 * Records per `search_read` page. 5,000 timesheet rows of the fields we name are 2-3 MB of JSON,
 * which Odoo reads in prefetch batches of 1,000 within one transaction, far inside
 * `limit_time_real` (120 s, odoo-rpc.md §5); unverified on a real server, so measure per database.
 */
export const PAGE_SIZE = 5000;

/** How one model is read and parsed. */
export interface ReadSpec<T> {
  readonly model: string;
  readonly schema: z.ZodType<T>;
  readonly fields: readonly string[];
  readonly renames?: Readonly<Record<string, string>>;
}

/** Every record matching `filter`, page by page, parsed one by one. */
export async function searchAllParsed<T>(
  reader: OdooReader,
  spec: ReadSpec<T>,
  filter: OdooFilter,
): Promise<ParsedRecords<T>> {
  const rows: OdooRow[] = [];
  for await (const page of reader
    .model(spec.model)
    .searchReadAll(filter, { fields: spec.fields, pageSize: PAGE_SIZE })) {
    rows.push(...page);
  }
  return parseRecords(spec.model, spec.schema, rows, spec.renames);
}

/** Records matching `filter` whose `field` is one of `ids`, in batches of ids. */
export async function searchByIdsParsed<T>(
  reader: OdooReader,
  spec: ReadSpec<T>,
  field: string,
  ids: readonly number[],
  filter: OdooFilter = [],
): Promise<ParsedRecords<T>> {
  const records: T[] = [];
  const problems: ParsedRecords<T>['problems'] = [];
  for (const batch of inBatches(unique(ids), IDS_PER_CALL)) {
    const parsed = await searchAllParsed(reader, spec, and(filter, where(field, 'in', batch)));
    records.push(...parsed.records);
    problems.push(...parsed.problems);
  }
  return { records, problems };
}

/** `read` of the given ids in batches, parsed one by one; missing ids are simply absent. */
export async function readByIdsParsed<T>(
  reader: OdooReader,
  spec: ReadSpec<T>,
  ids: readonly number[],
): Promise<ParsedRecords<T>> {
  const rows: OdooRow[] = [];
  for (const batch of inBatches(unique(ids), IDS_PER_CALL)) {
    rows.push(...(await reader.model(spec.model).read(batch, spec.fields)));
  }
  return parseRecords(spec.model, spec.schema, rows, spec.renames);
}

/** Distinct ids in ascending order (stable requests, fewer ids). */
export function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}
