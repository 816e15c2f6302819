import type { Row } from './store';
import type { Env, FieldDef, ModelDef } from './types';

/** UTC `YYYY-MM-DD HH:MM:SS`, Odoo's server datetime format. */
export function odooDatetime(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date of the transaction (UTC). */
export function today(env: Env): string {
  return env.now.slice(0, 10);
}

/** An environment derived from another with superuser rights (internal recomputes). */
export function sudo(env: Env): Env {
  return env.su ? env : { ...env, su: true };
}

/** The internal value of a field on a row: stored value, computed value or one2many ids. */
export function fieldValue(env: Env, model: ModelDef, row: Row, field: FieldDef): unknown {
  if (field.compute !== undefined) return field.compute(env, row);
  if (field.type === 'one2many') return one2manyIds(env, field, row.id);
  const value = row[field.name];
  if (value === undefined) return emptyValue(field);
  return value;
}

/** Linked ids of a one2many, in id order. */
export function one2manyIds(env: Env, field: FieldDef, id: number): number[] {
  if (field.relation === undefined || field.relationField === undefined) return [];
  const table = env.store.table(field.relation);
  return [...table.referencing(field.relationField, id)].sort((a, b) => a - b);
}

/** The empty value of a field as stored: false, 0 or []. */
export function emptyValue(field: FieldDef): unknown {
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'many2many':
    case 'one2many':
      return [];
    default:
      return false;
  }
}

/** The internal value of `model.field` on record `id` (false when the record is missing). */
export function valueOf(env: Env, model: string, id: number, fieldName: string): unknown {
  const def = env.registry.require(model);
  const row = env.store.table(model).get(id);
  const field = def.fields.get(fieldName);
  if (row === undefined || field === undefined) return false;
  return fieldValue(env, def, row, field);
}

/** The many2one id stored in `model.field` of record `id`, or undefined. */
export function refOf(env: Env, model: string, id: number, fieldName: string): number | undefined {
  const value = env.store.table(model).get(id)?.[fieldName];
  return typeof value === 'number' ? value : undefined;
}

/** Display name of a record as many2one values show it. */
export function displayName(env: Env, model: string, id: number): string {
  const def = env.registry.require(model);
  const row = env.store.table(model).get(id);
  if (row === undefined) return `${model}(${id},)`;
  if (def.displayName !== undefined) return def.displayName(env, row);
  const name = row[def.recName];
  return typeof name === 'string' && name !== '' ? name : `${model},${id}`;
}

/**
 * Writes computed stored values directly (no hooks), bumping write_date as Odoo's recompute does.
 * Only changes are written, so an unchanged recompute leaves write_date alone.
 */
export function storeComputed(
  env: Env,
  model: string,
  id: number,
  values: Record<string, unknown>,
): void {
  const table = env.store.table(model);
  const row = table.get(id);
  if (row === undefined) return;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!sameValue(row[key], value)) changed[key] = value;
  }
  if (Object.keys(changed).length === 0) return;
  table.update(id, { ...changed, write_date: env.now, write_uid: env.uid });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

/** Rounds a monetary amount to the currency's 0.01 precision. */
export function roundMoney(amount: number): number {
  return Math.round((amount + Number.EPSILON) * 100) / 100;
}
