import { displayName } from '../env';
import { OdooException } from '../errors';
import { missingError } from '../orm/access';
import { fieldsGet } from '../orm/fields-get';
import { create, unlink, write } from '../orm/mutate';
import { read } from '../orm/read';
import { formattedReadGroup, readGroup } from '../orm/read-group';
import { search, searchCount } from '../orm/search';
import type { Env, MethodDef } from '../types';
import { asOptionalNumber, asOptionalString, asStringList, asVals, asValsList } from './args';

function unexpected(method: string, name: string): OdooException {
  return new OdooException(
    'TypeError',
    `BaseModel.${method}() got an unexpected keyword argument '${name}'`,
  );
}

/** MissingError unless every id exists (record methods such as action_post). */
export function requireExisting(env: Env, model: string, ids: number[]): void {
  const table = env.store.table(model);
  const missing = ids.filter((id) => table.get(id) === undefined);
  if (missing.length > 0) throw missingError(env, model, missing);
}

/** The ORM methods every model exposes over RPC, with their Python parameter names. */
export function ormMethods(version: number, model: string): Record<string, MethodDef> {
  const methods: Record<string, MethodDef> = {
    search_read: {
      model: true,
      params: ['domain?', 'fields?', 'offset?', 'limit?', 'order?'],
      varKw: true,
      run: (env, _ids, a) => {
        for (const name of Object.keys(a)) {
          if (!['domain', 'fields', 'offset', 'limit', 'order', 'load'].includes(name))
            throw unexpected('read', name);
        }
        const ids = search(env, model, a.domain ?? [], {
          offset: asOptionalNumber(a.offset) ?? 0,
          limit: asOptionalNumber(a.limit) ?? null,
          order: asOptionalString(a.order) ?? null,
        });
        return read(
          env,
          model,
          ids,
          asStringList(a.fields),
          asOptionalString(a.load) ?? '_classic_read',
        );
      },
    },
    search: {
      model: true,
      params: ['domain', 'offset?', 'limit?', 'order?'],
      run: (env, _ids, a) =>
        search(env, model, a.domain, {
          offset: asOptionalNumber(a.offset) ?? 0,
          limit: asOptionalNumber(a.limit) ?? null,
          order: asOptionalString(a.order) ?? null,
        }),
    },
    search_count: {
      model: true,
      params: ['domain', 'limit?'],
      run: (env, _ids, a) => searchCount(env, model, a.domain, asOptionalNumber(a.limit) ?? null),
    },
    read: {
      params: ['fields?', 'load?'],
      run: (env, ids, a) =>
        read(
          env,
          model,
          ids,
          asStringList(a.fields),
          a.load === undefined ? '_classic_read' : (asOptionalString(a.load) ?? ''),
        ),
    },
    create: {
      model: true,
      params: ['vals_list'],
      run: (env, _ids, a) => create(env, model, asValsList(a.vals_list)),
    },
    write: {
      params: ['vals'],
      run: (env, ids, a) => {
        write(env, model, ids, asVals(a.vals));
        return true;
      },
    },
    unlink: {
      params: [],
      run: (env, ids) => {
        unlink(env, model, ids);
        return true;
      },
    },
    fields_get: {
      model: true,
      params: ['allfields?', 'attributes?'],
      run: (env, _ids, a) =>
        fieldsGet(env, model, asStringList(a.allfields), asStringList(a.attributes)),
    },
    name_search: {
      model: true,
      params: ['name?', version >= 19 ? 'domain?' : 'args?', 'operator?', 'limit?'],
      run: (env, _ids, a) => {
        const name = asOptionalString(a.name) ?? '';
        const operator = asOptionalString(a.operator) ?? 'ilike';
        const extra = (version >= 19 ? a.domain : a.args) ?? [];
        const recName = env.registry.require(model).recName;
        const domain = name === '' ? extra : [[recName, operator, name], ...(extra as unknown[])];
        const ids = search(env, model, domain, { limit: asOptionalNumber(a.limit) ?? 100 });
        return ids.map((id) => [id, displayName(env, model, id)]);
      },
    },
    exists: {
      params: [],
      run: (env, ids) => ids.filter((id) => env.store.table(model).get(id) !== undefined),
    },
    default_get: {
      model: true,
      params: ['fields_list'],
      run: (env, _ids, a) => {
        const out: Record<string, unknown> = {};
        const def = env.registry.require(model);
        for (const name of asStringList(a.fields_list) ?? []) {
          const field = def.fields.get(name);
          const fromContext = env.context[`default_${name}`];
          if (fromContext !== undefined) out[name] = fromContext;
          else if (field?.default !== undefined) out[name] = field.default(env, {});
        }
        return out;
      },
    },
    read_group: {
      model: true,
      params: ['domain', 'fields', 'groupby', 'offset?', 'limit?', 'orderby?', 'lazy?'],
      run: (env, _ids, a) =>
        readGroup(
          env,
          model,
          a.domain,
          asStringList(a.fields) ?? [],
          asStringList(a.groupby) ?? [],
          {
            offset: asOptionalNumber(a.offset) ?? null,
            limit: asOptionalNumber(a.limit) ?? null,
            lazy: a.lazy !== false,
          },
        ),
    },
  };
  if (version <= 17) {
    methods.name_get = {
      params: [],
      run: (env, ids) => {
        requireExisting(env, model, ids);
        return ids.map((id) => [id, displayName(env, model, id)]);
      },
    };
    methods.check_access_rights = {
      model: true,
      params: ['operation', 'raise_exception?'],
      run: () => true,
    };
  }
  if (version >= 19) {
    methods.formatted_read_group = {
      model: true,
      params: ['domain?', 'groupby?', 'aggregates?', 'having?', 'offset?', 'limit?', 'order?'],
      run: (env, _ids, a) =>
        formattedReadGroup(
          env,
          model,
          a.domain ?? [],
          asStringList(a.groupby) ?? [],
          asStringList(a.aggregates) ?? [],
          {
            offset: asOptionalNumber(a.offset) ?? null,
            limit: asOptionalNumber(a.limit) ?? null,
          },
        ),
    };
  }
  return methods;
}
