import { fieldValue } from '../env';
import { OdooException } from '../errors';
import type { Env } from '../types';
import { checkFieldAccess, checkModelAccess, fieldAllowed } from './access';
import { toWire } from './values';

/** The fields `read` returns when none are asked for: every field the user may see. */
export function defaultFields(env: Env, model: string): string[] {
  const def = env.registry.require(model);
  return [...def.fields.values()]
    .filter((field) => fieldAllowed(env, field))
    .map((field) => field.name);
}

/** `read`: records in the order asked, silently skipping ids that do not exist. */
export function read(
  env: Env,
  model: string,
  ids: readonly number[],
  fields?: readonly string[] | null,
  load: string | null = '_classic_read',
): Record<string, unknown>[] {
  const def = env.registry.require(model);
  checkModelAccess(env, def, 'read');
  const names =
    fields === undefined || fields === null || fields.length === 0
      ? defaultFields(env, model)
      : [...fields];
  for (const name of names) {
    if (!def.fields.has(name)) {
      throw new OdooException('ValueError', `Invalid field '${name}' on model '${model}'`);
    }
  }
  checkFieldAccess(env, def, names, 'read');
  const classic = load === '_classic_read';
  const table = env.store.table(model);
  const out: Record<string, unknown>[] = [];
  for (const id of ids) {
    const row = table.get(id);
    if (row === undefined) continue;
    const record: Record<string, unknown> = { id };
    for (const name of names) {
      if (name === 'id') continue;
      const field = def.fields.get(name);
      if (field === undefined) continue;
      const value = name === '__last_update' ? row.write_date : fieldValue(env, def, row, field);
      record[name] = toWire(env, field, value, classic);
    }
    out.push(record);
  }
  return out;
}
