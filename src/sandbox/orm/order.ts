import { displayName, fieldValue } from '../env';
import { OdooException } from '../errors';
import type { Row } from '../store';
import type { Env, ModelDef } from '../types';

export interface OrderTerm {
  field: string;
  descending: boolean;
}

/** Parses `"write_date asc, id desc"`; unknown fields raise like Odoo's `_order_to_sql`. */
export function parseOrder(model: ModelDef, order: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [name, direction, ...rest] = words as [string, string | undefined, ...string[]];
    const dir = direction?.toLowerCase();
    const nulls = rest.join(' ').toLowerCase();
    if (
      (dir !== undefined && dir !== 'asc' && dir !== 'desc') ||
      (nulls !== '' && !/^nulls (first|last)$/.test(nulls))
    ) {
      throw new OdooException(
        'ValueError',
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of ` +
          'valid field names (optionally followed by asc/desc for the direction)',
      );
    }
    const field = name.split(':')[0] as string;
    if (!model.fields.has(field)) {
      throw new OdooException('ValueError', `Invalid field '${field}' on model '${model.name}'`);
    }
    terms.push({ field, descending: dir === 'desc' });
  }
  return terms;
}

/** True when the order is plain ascending (or descending) id, so ids can stream without sorting. */
export function isIdOrder(terms: OrderTerm[]): 'asc' | 'desc' | undefined {
  if (terms.length !== 1 || terms[0]?.field !== 'id') return undefined;
  return terms[0].descending ? 'desc' : 'asc';
}

type SortKey = number | string | null;

/** Sorts rows by the terms; empty values sort last ascending and first descending (PostgreSQL). */
export function sortRows(
  env: Env,
  model: ModelDef,
  rows: Iterable<Row>,
  terms: OrderTerm[],
  keep?: number,
): Row[] {
  const compare = (a: Keyed, b: Keyed): number => {
    for (let i = 0; i < terms.length; i += 1) {
      const result = compareKeys(
        a.keys[i] ?? null,
        b.keys[i] ?? null,
        terms[i]?.descending ?? false,
      );
      if (result !== 0) return result;
    }
    return a.row.id - b.row.id;
  };
  const keyed = (row: Row): Keyed => ({
    row,
    keys: terms.map((term) => sortKey(env, model, row, term.field)),
  });
  if (keep === undefined)
    return [...rows]
      .map(keyed)
      .sort(compare)
      .map((item) => item.row);
  // Bounded selection: a page of `keep` rows out of many without sorting them all.
  const best: Keyed[] = [];
  for (const row of rows) {
    const item = keyed(row);
    if (best.length === keep && compare(item, best[keep - 1] as Keyed) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid] as Keyed, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > keep) best.pop();
  }
  return best.map((item) => item.row);
}

interface Keyed {
  row: Row;
  keys: SortKey[];
}

function sortKey(env: Env, model: ModelDef, row: Row, name: string): SortKey {
  if (name === 'id') return row.id;
  const field = model.fields.get(name);
  if (field === undefined) return null;
  const value = fieldValue(env, model, row, field);
  if (field.type === 'many2one') {
    return typeof value === 'number' && field.relation
      ? displayName(env, field.relation, value)
      : null;
  }
  if (field.type === 'boolean') return value === true ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return null;
}

function compareKeys(a: SortKey, b: SortKey, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return descending ? -1 : 1;
  if (b === null) return descending ? 1 : -1;
  const result = a < b ? -1 : 1;
  return descending ? -result : result;
}
