import { parseRecords } from '../../odoo/records/parse-records';
import { NAMED_RECORD_FIELDS, NamedRecordSchema } from '../../odoo/records/context-records';
import type { SyncProblem } from '../map/mapped';
import { inBatches } from '../../odoo/batching';
import { IDS_PER_CALL, unique, type OdooReader } from './odoo-reader';

/** Names of records (tags, categories) by id, read in batches. */
export async function readNames(
  reader: OdooReader,
  model: string,
  ids: readonly number[],
): Promise<{ names: Map<number, string>; problems: SyncProblem[] }> {
  const names = new Map<number, string>();
  const problems: SyncProblem[] = [];
  for (const batch of inBatches(unique(ids), IDS_PER_CALL)) {
    const rows = await reader.model(model).read(batch, NAMED_RECORD_FIELDS);
    const parsed = parseRecords(model, NamedRecordSchema, rows);
    for (const record of parsed.records) names.set(record.id, record.name);
    problems.push(...parsed.problems);
  }
  return { names, problems };
}
