import type { Env, FieldDef } from '../types';
import { checkModelAccess, fieldAllowed } from './access';

function describe(field: FieldDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: field.name,
    type: field.type,
    string: field.string,
    required: field.required === true,
    readonly: field.readonly === true,
    store: field.store,
    searchable: field.store || field.type === 'one2many',
    sortable: field.store && field.type !== 'one2many' && field.type !== 'many2many',
    manual: field.manual === true,
    groupable: field.store,
    company_dependent: false,
  };
  if (field.relation !== undefined) out.relation = field.relation;
  if (field.relationField !== undefined) out.relation_field = field.relationField;
  if (field.selection !== undefined)
    out.selection = field.selection.map(([key, label]) => [key, label]);
  return out;
}

/** `fields_get`: the fields the profile has and the user's groups allow, with their attributes. */
export function fieldsGet(
  env: Env,
  model: string,
  allfields?: readonly string[] | null,
  attributes?: readonly string[] | null,
): Record<string, Record<string, unknown>> {
  const def = env.registry.require(model);
  checkModelAccess(env, def, 'read');
  const wanted = allfields && allfields.length > 0 ? new Set(allfields) : undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const field of def.fields.values()) {
    if (wanted !== undefined && !wanted.has(field.name)) continue;
    if (!fieldAllowed(env, field)) continue;
    const full = describe(field);
    if (attributes && attributes.length > 0) {
      const picked: Record<string, unknown> = {};
      for (const attribute of attributes)
        if (attribute in full) picked[attribute] = full[attribute];
      out[field.name] = picked;
    } else {
      out[field.name] = full;
    }
  }
  return out;
}
