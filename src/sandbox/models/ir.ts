import { refOf } from '../env';
import { validationError } from '../errors';
import { F } from '../fields';
import { SETTINGS } from '../groups';
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
const SETTINGS_ONLY = {
  read: ['base.group_user'],
  write: [SETTINGS],
  create: [SETTINGS],
  unlink: [SETTINGS],
};

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
}

/** ir.model, ir.model.fields (custom `x_` fields through RPC) and ir.ui.view. */
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
        afterCreate: (env, ids) => {
          for (const id of ids) {
            if (env.store.table('ir.model.fields').get(id)?.state === 'manual')
              registerManualField(env, id);
          }
        },
      },
    },
    {
      name: 'ir.ui.view',
      description: 'View',
      order: 'priority, name, id',
      access: SETTINGS_ONLY,
      fields: {
        name: F.char('View Name', { required: true }),
        model: F.char('Model'),
        key: F.char('Key'),
        type: F.sel(
          ['list', 'tree', 'form', 'graph', 'pivot', 'calendar', 'kanban', 'search', 'qweb'],
          'View Type',
        ),
        arch: F.text('View Architecture', {
          compute: (_env, row) => row.arch_db,
          inverse: (_env, value) => ({ arch_db: value }),
        }),
        arch_db: F.text('Arch Blob'),
        inherit_id: F.m2o('ir.ui.view', 'Inherited View'),
        mode: F.sel(['primary', 'extension'], 'View inheritance mode', {
          default: (_env, vals) => (vals.inherit_id ? 'extension' : 'primary'),
        }),
        priority: F.int('Sequence', { default: () => 16 }),
        active: F.bool('Active', { default: () => true }),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (vals.type === undefined && typeof vals.inherit_id === 'number') {
            vals.type = env.store.table('ir.ui.view').get(vals.inherit_id)?.type ?? false;
          }
          if (vals.model === undefined && typeof vals.inherit_id === 'number') {
            vals.model =
              refOf(env, 'ir.ui.view', vals.inherit_id, 'model') ??
              env.store.table('ir.ui.view').get(vals.inherit_id)?.model ??
              false;
          }
        },
      },
    },
  ];
}
