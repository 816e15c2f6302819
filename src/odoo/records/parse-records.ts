/**
 * Parses a page of Odoo rows one by one (style.md rule 2): a bad record becomes a problem naming the
 * model, the record id and the field path, and the rest of the page goes on.
 */
import type { z } from 'zod';
import { OdooUnexpectedResponseError } from '../errors';

export interface RecordProblem {
  readonly model: string;
  /** `null` when the row had no usable id. */
  readonly recordId: number | null;
  /** Dotted path of the offending field, e.g. "partner_id" or "tag_ids.2". */
  readonly path: string;
  readonly message: string;
}

export interface ParsedRecords<T> {
  readonly records: T[];
  readonly problems: RecordProblem[];
}

/** Validates and normalises each row; never throws for a bad row. */
export function parseRecords<T>(
  model: string,
  schema: z.ZodType<T>,
  rows: readonly unknown[],
  renames: Readonly<Record<string, string>> = {},
): ParsedRecords<T> {
  const records: T[] = [];
  const problems: RecordProblem[] = [];
  for (const row of rows) {
    const input = renameFields(row, renames);
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      records.push(parsed.data);
      continue;
    }
    const recordId = idOf(row);
    for (const issue of parsed.error.issues) {
      const path = issue.path
        .map(String)
        .map((part) => reverse(renames)[part] ?? part)
        .join('.');
      problems.push({ model, recordId, path, message: issue.message });
    }
  }
  return { records, problems };
}

/** A problem as a typed error, for callers that must stop on it. */
export function problemToError(problem: RecordProblem): OdooUnexpectedResponseError {
  const where = problem.recordId === null ? 'a record without id' : `record ${problem.recordId}`;
  return new OdooUnexpectedResponseError(
    `Odoo sent ${problem.model} ${where} with an unexpected value at ${problem.path || '(record)'}: ${problem.message}.`,
    {
      details: {
        model: problem.model,
        recordId: problem.recordId,
        path: problem.path,
      },
    },
  );
}

function renameFields(row: unknown, renames: Readonly<Record<string, string>>): unknown {
  if (row === null || typeof row !== 'object' || Object.keys(renames).length === 0) return row;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[renames[key] ?? key] = value;
  return out;
}

function reverse(renames: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(renames).map(([from, to]) => [to, from]));
}

function idOf(row: unknown): number | null {
  if (row === null || typeof row !== 'object') return null;
  const id = (row as { id?: unknown }).id;
  return typeof id === 'number' ? id : null;
}
