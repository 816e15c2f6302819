import type { Env } from './types';

/** Resolves an external id (`module.name`) through ir.model.data. */
export function resolveXmlId(env: Env, xmlId: string): { model: string; id: number } | undefined {
  const dot = xmlId.indexOf('.');
  const module = dot < 0 ? '' : xmlId.slice(0, dot);
  const name = dot < 0 ? xmlId : xmlId.slice(dot + 1);
  for (const row of env.store.table('ir.model.data').rows.values()) {
    if (row.module === module && row.name === name && typeof row.res_id === 'number') {
      return { model: String(row.model), id: row.res_id };
    }
  }
  return undefined;
}

/** Registers an external id for a record (direct insert: seeding and base data). */
export function addXmlId(env: Env, xmlId: string, model: string, id: number): void {
  const dot = xmlId.indexOf('.');
  const table = env.store.table('ir.model.data');
  const rowId = env.store.nextId('ir.model.data');
  table.insert({
    id: rowId,
    module: dot < 0 ? '' : xmlId.slice(0, dot),
    name: dot < 0 ? xmlId : xmlId.slice(dot + 1),
    model,
    res_id: id,
    noupdate: false,
    create_date: env.now,
    write_date: env.now,
    create_uid: env.uid,
    write_uid: env.uid,
  });
}

/** Xml ids of the res.groups ids given (for a user's groups). */
export function groupXmlIds(env: Env, groupIds: readonly number[]): Set<string> {
  const wanted = new Set(groupIds);
  const out = new Set<string>();
  for (const row of env.store.table('ir.model.data').rows.values()) {
    if (row.model === 'res.groups' && typeof row.res_id === 'number' && wanted.has(row.res_id)) {
      out.add(`${String(row.module)}.${String(row.name)}`);
    }
  }
  return out;
}
