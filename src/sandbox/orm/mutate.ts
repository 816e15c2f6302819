import { OdooException, validationError } from '../errors';
import type { Row } from '../store';
import type { Env, FieldDef, ModelDef, Vals } from '../types';
import { checkModelAccess, missingError } from './access';
import { toStored } from './values';
import { applyCommands, type RecordOps } from './x2many';

const MAGIC = new Set([
  'id',
  'create_date',
  'create_uid',
  'write_date',
  'write_uid',
  'display_name',
  '__last_update',
]);

function fieldOrThrow(model: ModelDef, name: string): FieldDef {
  const field = model.fields.get(name);
  if (field === undefined) {
    throw new OdooException('ValueError', `Invalid field '${name}' on model '${model.name}'`);
  }
  return field;
}

/** Splits written values into stored values and x2many commands, applying inverses. */
function split(
  env: Env,
  model: ModelDef,
  vals: Vals,
): { stored: Vals; x2many: [FieldDef, unknown][] } {
  const stored: Vals = {};
  const x2many: [FieldDef, unknown][] = [];
  for (const [name, value] of Object.entries(vals)) {
    if (
      MAGIC.has(name) &&
      !(env.su && name !== 'id' && name !== 'display_name' && name !== '__last_update')
    )
      continue;
    const field = fieldOrThrow(model, name);
    if (field.type === 'one2many' || field.type === 'many2many') {
      x2many.push([field, value]);
    } else if (field.compute !== undefined && !field.store) {
      if (field.inverse !== undefined) Object.assign(stored, field.inverse(env, value));
    } else {
      stored[name] = toStored(model, field, value);
    }
  }
  return { stored, x2many };
}

function requiredError(model: ModelDef, field: FieldDef): OdooException {
  return validationError(
    'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${model.description} (${model.name})\nField: ${field.string} (${field.name})\n`,
  );
}

function checkRequired(model: ModelDef, row: Row, only?: Iterable<string>): void {
  const names = only === undefined ? model.fields.keys() : only;
  for (const name of names) {
    const field = model.fields.get(name);
    if (field === undefined || !field.required || !field.store || field.compute !== undefined)
      continue;
    if (field.type === 'boolean' || field.type === 'one2many' || field.type === 'many2many')
      continue;
    const value = row[name];
    if (value === false || value === undefined || value === null) throw requiredError(model, field);
  }
}

/** `create`: one id per dict, defaults and hooks applied, commands run after the insert. */
export function create(env: Env, modelName: string, valsList: Vals[]): number[] {
  const model = env.registry.require(modelName);
  checkModelAccess(env, model, 'create');
  const table = env.store.table(modelName);
  const ids: number[] = [];
  for (const given of valsList) {
    const vals: Vals = { ...given };
    for (const [key, value] of Object.entries(env.context)) {
      const name = key.startsWith('default_') ? key.slice('default_'.length) : undefined;
      if (name !== undefined && model.fields.has(name) && !(name in vals)) vals[name] = value;
    }
    for (const field of model.fields.values()) {
      if (field.default !== undefined && !(field.name in vals))
        vals[field.name] = field.default(env, vals);
    }
    for (const hooks of model.hooks) hooks.prepareCreate?.(env, vals);
    const { stored, x2many } = split(env, model, vals);
    const id = env.store.nextId(modelName);
    const row: Row = {
      create_date: env.now,
      create_uid: env.uid,
      write_date: env.now,
      write_uid: env.uid,
      ...stored,
      id,
    };
    table.insert(row);
    for (const [field, value] of x2many) applyCommands(env, model, id, field, value, RECORD_OPS);
    ids.push(id);
  }
  for (const hooks of model.hooks) hooks.afterCreate?.(env, ids);
  for (const id of ids) {
    const row = table.get(id);
    if (row !== undefined) checkRequired(model, row);
  }
  return ids;
}

/** `write`: MissingError for unknown ids; hooks may refuse (posted moves, invoiced timesheets). */
export function write(env: Env, modelName: string, ids: number[], vals: Vals): void {
  const model = env.registry.require(modelName);
  checkModelAccess(env, model, 'write');
  const table = env.store.table(modelName);
  const missing = ids.filter((id) => table.get(id) === undefined);
  if (missing.length > 0) throw missingError(env, modelName, missing);
  for (const name of Object.keys(vals)) fieldOrThrow(model, name);
  for (const hooks of model.hooks) hooks.beforeWrite?.(env, ids, vals);
  const { stored, x2many } = split(env, model, vals);
  for (const id of ids) {
    table.update(id, { ...stored, write_date: env.now, write_uid: env.uid });
    for (const [field, value] of x2many) applyCommands(env, model, id, field, value, RECORD_OPS);
  }
  for (const hooks of model.hooks) hooks.afterWrite?.(env, ids, vals);
  for (const id of ids) {
    const row = table.get(id);
    if (row !== undefined) checkRequired(model, row, Object.keys(stored));
  }
}

/** `unlink`: cascades to owned children, clears many2one and many2many references elsewhere. */
export function unlink(env: Env, modelName: string, ids: number[]): void {
  const model = env.registry.require(modelName);
  checkModelAccess(env, model, 'unlink');
  const table = env.store.table(modelName);
  const existing = [...new Set(ids)].filter((id) => table.get(id) !== undefined);
  if (existing.length < new Set(ids).size) {
    throw missingError(
      env,
      modelName,
      ids.filter((id) => table.get(id) === undefined),
    );
  }
  if (existing.length === 0) return;
  for (const hooks of model.hooks) hooks.beforeUnlink?.(env, existing);
  const su: Env = { ...env, su: true };
  for (const { model: other, field } of env.registry.inbound(modelName)) {
    const otherTable = env.store.table(other);
    for (const id of existing) {
      const referencing = [...otherTable.referencing(field.name, id)];
      if (referencing.length === 0) continue;
      if (field.cascade)
        unlink(
          su,
          other,
          referencing.filter((ref) => otherTable.get(ref)),
        );
      else if (field.required) throw requiredError(env.registry.require(other), field);
      else for (const ref of referencing) otherTable.update(ref, { [field.name]: false });
    }
  }
  for (const other of env.registry.names()) {
    for (const field of env.registry.require(other).fields.values()) {
      if (field.type !== 'many2many' || field.relation !== modelName || !field.store) continue;
      const otherTable = env.store.table(other);
      for (const id of existing) {
        for (const ref of [...otherTable.containing(field.name, id)]) {
          const links = (otherTable.get(ref)?.[field.name] as number[] | undefined) ?? [];
          otherTable.update(ref, { [field.name]: links.filter((link) => link !== id) });
        }
      }
    }
  }
  const removed = existing.map((id) => ({ ...(table.get(id) as Row) }));
  for (const id of existing) table.remove(id);
  for (const hooks of model.hooks) hooks.afterUnlink?.(env, removed);
}

export const RECORD_OPS: RecordOps = {
  create,
  write,
  unlink: (env, model, ids) => unlink(env, model, ids),
};
