import { userError, validationError } from '../errors';
import { F } from '../fields';
import { SETTINGS_ONLY } from '../groups';
import type { Env, FieldDef, FieldType, ModelSpec, Vals } from '../types';

const FIELD_TYPES: FieldType[] = [
  'char',
  'text',
  'html',
  'integer',
  'float',
  'monetary',
  'boolean',
  'date',
  'datetime',
  'selection',
  'many2one',
  'one2many',
  'many2many',
  'binary',
  'json',
];

/** Parses a selection written as a Python literal: `[('a', 'A'), ('b', 'B')]`. */
function parseSelection(text: unknown): [string, string][] {
  if (typeof text !== 'string') return [];
  const pairs: [string, string][] = [];
  for (const match of text.matchAll(/\(\s*['"]([^'"]*)['"]\s*,\s*['"]([^'"]*)['"]\s*\)/g)) {
    pairs.push([match[1] as string, match[2] as string]);
  }
  return pairs;
}

function constraintError(message: string): never {
  throw validationError(`The operation cannot be completed: ${message}`);
}

/** Turns a manual ir.model.fields row into a live field of its model (Odoo reloads the registry). */
function registerManualField(env: Env, id: number): void {
  const row = env.store.table('ir.model.fields').get(id);
  if (row === undefined) return;
  const model = String(row.model);
  const type = row.ttype as FieldType;
  const relation =
    typeof row.relation === 'string' && row.relation !== '' ? row.relation : undefined;
  if (
    (type === 'many2one' || type === 'many2many' || type === 'one2many') &&
    (relation === undefined || !env.registry.get(relation))
  ) {
    throw validationError(`Unknown model name '${String(relation)}' in Related Model`);
  }
  const field: FieldDef = {
    name: String(row.name),
    type,
    string: String(row.field_description),
    store: row.store !== false,
    manual: true,
    ...(relation !== undefined ? { relation } : {}),
    ...(type === 'one2many' && typeof row.relation_field === 'string'
      ? { relationField: row.relation_field }
      : {}),
    ...(type === 'selection' ? { selection: parseSelection(row.selection) } : {}),
    ...(row.required === true ? { required: true } : {}),
    ...(row.readonly === true ? { readonly: true } : {}),
  };
  env.registry.addField(model, field);
  env.store.table(model).forgetIndex(field.name);
}

function prepareField(env: Env, vals: Vals): void {
  if (typeof vals.model_id === 'number') {
    vals.model = env.store.table('ir.model').get(vals.model_id)?.model ?? false;
  } else if (typeof vals.model === 'string') {
    const table = env.store.table('ir.model');
    for (const row of table.rows.values()) if (row.model === vals.model) vals.model_id = row.id;
  }
  if (vals.state === 'manual' && typeof vals.name === 'string' && !vals.name.startsWith('x_')) {
    constraintError("Custom fields must have a name that starts with 'x_'!");
  }
  if (typeof vals.name === 'string' && !/^[a-z_][a-z0-9_]{0,62}$/.test(vals.name)) {
    throw validationError(
      'Field names can only contain characters, digits and underscores (up to 63).',
    );
  }
  const model = typeof vals.model === 'string' ? env.registry.get(vals.model) : undefined;
  if (model !== undefined && typeof vals.name === 'string' && model.fields.has(vals.name)) {
    constraintError('Field names must be unique per model.');
  }
  if (vals.ttype === 'one2many') checkInverse(env, vals.relation, vals.relation_field);
}

/** Odoo checks a one2many's inverse before inserting, so it must exist before this create call. */
function checkInverse(env: Env, relation: unknown, relationField: unknown): void {
  const inverse =
    typeof relation === 'string' && typeof relationField === 'string'
      ? env.registry.get(relation)?.fields.get(relationField)
      : undefined;
  if (inverse?.type !== 'many2one') {
    throw userError(
      `Many2one ${String(relationField)} on model ${String(relation)} does not exist!`,
    );
  }
}

function registerManualFields(env: Env, ids: number[]): void {
  for (const id of ids) {
    if (env.store.table('ir.model.fields').get(id)?.state === 'manual')
      registerManualField(env, id);
  }
}

/** ir.model and ir.model.fields (custom `x_` fields through RPC). */
export function irModels(): ModelSpec[] {
  return [
    {
      name: 'ir.model',
      description: 'Models',
      order: 'model',
      access: SETTINGS_ONLY,
      fields: {
        name: F.char('Model Description', { required: true }),
        model: F.char('Model', { required: true }),
        state: F.sel(['manual', 'base'], 'Type', { default: () => 'manual' }),
        transient: F.bool('Transient Model'),
        info: F.text('Information'),
        modules: F.char('In Apps', { compute: () => '' }),
        field_id: F.o2m('ir.model.fields', 'model_id', 'Fields'),
      },
    },
    {
      name: 'ir.model.fields',
      description: 'Fields',
      order: 'name',
      access: SETTINGS_ONLY,
      fields: {
        name: F.char('Field Name', { required: true }),
        model: F.char('Model Name'),
        model_id: F.m2o('ir.model', 'Model', { required: true, cascade: true }),
        field_description: F.char('Field Label', { required: true }),
        help: F.text('Field Help'),
        ttype: F.sel(FIELD_TYPES, 'Field Type', { required: true }),
        relation: F.char('Related Model'),
        relation_field: F.char('Related Field'),
        selection: F.char('Selection Options (Deprecated)'),
        required: F.bool('Required'),
        readonly: F.bool('Readonly'),
        store: F.bool('Stored', { default: () => true }),
        index: F.bool('Indexed'),
        copied: F.bool('Copied'),
        translate: F.bool('Translatable'),
        on_delete: F.sel(['cascade', 'set null', 'restrict'], 'On Delete', {
          default: () => 'set null',
        }),
        state: F.sel(['manual', 'base'], 'Type', { required: true, default: () => 'manual' }),
      },
      hooks: {
        prepareCreate: prepareField,
        afterCreate: registerManualFields,
        // Odoo reloads the registry after a write too, e.g. when a selection gains a value.
        afterWrite: registerManualFields,
      },
    },
  ];
}
