import { SandboxConfigError } from './errors';
import { GROUP_NAMES } from './groups';
import type { SandboxProfile } from './profile';
import type { FieldDef, ModelDef, ModelRegistry, ModelSpec } from './types';
import { displayName } from './env';
import { F } from './fields';

/** Fields every model has (Odoo's magic fields); 16 adds `__last_update`. */
function magicFields(profile: SandboxProfile): ModelSpec['fields'] {
  return {
    id: F.int('ID', { readonly: true }),
    display_name: F.char('Display Name', { readonly: true, store: false }),
    create_date: F.datetime('Created on', { readonly: true }),
    create_uid: F.m2o('res.users', 'Created by', { readonly: true }),
    write_date: F.datetime('Last Updated on', { readonly: true }),
    write_uid: F.m2o('res.users', 'Last Updated by', { readonly: true }),
    ...(profile.odooVersion === 16
      ? { __last_update: F.datetime('Last Modified on', { readonly: true, store: false }) }
      : {}),
  };
}

/** The models of one sandbox; `_inherit`-style specs with the same name merge into one model. */
export class Registry implements ModelRegistry {
  private readonly models = new Map<string, ModelDef>();
  private readonly inboundCache = new Map<string, { model: string; field: FieldDef }[]>();

  constructor(
    readonly profile: SandboxProfile,
    specs: readonly ModelSpec[],
  ) {
    for (const spec of specs) this.merge(spec);
    for (const model of this.models.values()) {
      for (const [name, spec] of Object.entries(magicFields(profile) ?? {})) {
        if (!model.fields.has(name))
          model.fields.set(name, { ...spec, name, store: spec.store ?? true });
      }
      const modelName = model.name;
      const display = model.fields.get('display_name');
      if (display !== undefined && display.compute === undefined) {
        display.compute = (env, row) => displayName(env, modelName, row.id);
      }
    }
    for (const model of this.models.values()) {
      for (const field of model.fields.values()) {
        if (field.relation !== undefined && !this.models.has(field.relation)) {
          throw new SandboxConfigError(
            `Field ${model.name}.${field.name} points at unknown model ${field.relation}.`,
          );
        }
      }
    }
  }

  get(model: string): ModelDef | undefined {
    return this.models.get(model);
  }

  require(model: string): ModelDef {
    const def = this.models.get(model);
    if (def === undefined) throw new SandboxConfigError(`Unknown model ${model}.`);
    return def;
  }

  names(): string[] {
    return [...this.models.keys()].sort();
  }

  inbound(model: string): { model: string; field: FieldDef }[] {
    let list = this.inboundCache.get(model);
    if (list === undefined) {
      list = [];
      for (const def of this.models.values()) {
        for (const field of def.fields.values()) {
          if (field.relation === model && field.store && field.type === 'many2one') {
            list.push({ model: def.name, field });
          }
        }
      }
      this.inboundCache.set(model, list);
    }
    return list;
  }

  addField(model: string, field: FieldDef): void {
    this.require(model).fields.set(field.name, field);
    this.inboundCache.clear();
  }

  groupName(xmlId: string): string {
    return GROUP_NAMES[xmlId] ?? xmlId;
  }

  private merge(spec: ModelSpec): void {
    let def = this.models.get(spec.name);
    if (def === undefined) {
      def = {
        name: spec.name,
        description: spec.description ?? spec.name,
        order: spec.order ?? 'id',
        recName: spec.recName ?? 'name',
        fields: new Map(),
        access: {},
        methods: new Map(),
        hooks: [],
      };
      this.models.set(spec.name, def);
    }
    if (spec.description !== undefined) def.description = spec.description;
    if (spec.order !== undefined) def.order = spec.order;
    if (spec.recName !== undefined) def.recName = spec.recName;
    if (spec.parentName !== undefined) def.parentName = spec.parentName;
    if (spec.displayName !== undefined) def.displayName = spec.displayName;
    Object.assign(def.access, spec.access ?? {});
    for (const [name, field] of Object.entries(spec.fields ?? {})) {
      def.fields.set(name, { ...field, name, store: field.store ?? field.compute === undefined });
    }
    for (const [name, method] of Object.entries(spec.methods ?? {})) def.methods.set(name, method);
    if (spec.hooks !== undefined) def.hooks.push(spec.hooks);
  }
}
