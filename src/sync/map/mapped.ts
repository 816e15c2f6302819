import type { RecordProblem } from '../../odoo/records/parse-records';

/** A record that could not become a domain fact names its model, id and field (style.md rule 2). */
export type SyncProblem = RecordProblem;

/** The outcome of mapping one record: the fact, or the problem that kept it out. */
export type Mapped<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: SyncProblem };

/** A successful mapping. */
export const mapped = <T>(value: T): Mapped<T> => ({ ok: true, value });

/** A failed mapping naming the record and field at fault. */
export function rejected<T>(
  model: string,
  recordId: number,
  path: string,
  message: string,
): Mapped<T> {
  return { ok: false, problem: { model, recordId, path, message } };
}
