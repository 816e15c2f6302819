/**
 * JSON-2 takes no positional arguments (odoo-rpc.md §1.4): an `execute_kw` call becomes a body of
 * named arguments using the Python parameter names of the known ORM methods, plus `ids` and `context`.
 */
import { OdooBadRequestError } from '../errors';
import type { ExecuteKwCall } from './transport';

/** Parameter names after `self`, in order; `ids` marks the records the method runs on. */
const POSITIONAL_NAMES: Readonly<Record<string, readonly string[]>> = {
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search: ['domain', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  read: ['ids', 'fields', 'load'],
  create: ['vals_list'],
  write: ['ids', 'vals'],
  unlink: ['ids'],
  fields_get: ['allfields', 'attributes'],
  read_group: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'],
  formatted_read_group: ['domain', 'groupby', 'aggregates', 'having', 'offset', 'limit', 'order'],
  // 19 renamed name_search's `args` to `domain`; JSON-2 exists only from 19 on.
  name_search: ['name', 'domain', 'operator', 'limit'],
  context_get: [],
  default_get: ['fields_list'],
};

export interface Json2Body {
  readonly body: Record<string, unknown>;
  /** `create` was given one dict: classic RPC answers an id, JSON-2 a list of one id. */
  readonly unwrapSingleId: boolean;
}

/** Translates an `execute_kw` call into JSON-2's named-argument body. */
export function toJson2Body(call: ExecuteKwCall): Json2Body {
  const names = POSITIONAL_NAMES[call.method] ?? ['ids'];
  if (call.args.length > names.length) {
    throw new OdooBadRequestError(
      `JSON-2 needs named arguments: pass the extra arguments of ${call.model}.${call.method} in kwargs.`,
      { details: { transport: 'json2', model: call.model, method: call.method } },
    );
  }
  const body: Record<string, unknown> = {};
  call.args.forEach((value, index) => {
    const name = names[index];
    if (name !== undefined) body[name] = value;
  });
  for (const [key, value] of Object.entries(call.kwargs)) {
    if (key === 'args' && call.method === 'name_search') body['domain'] = value;
    else body[key] = value;
  }
  const single = call.method === 'create' && isPlainObject(body['vals_list']);
  if (single) body['vals_list'] = [body['vals_list']];
  return { body, unwrapSingleId: single };
}

/** JSON-2 answers `create` with a list even for one dict; classic RPC answers the id itself. */
export function normaliseJson2Result(result: unknown, shape: Json2Body): unknown {
  if (shape.unwrapSingleId && Array.isArray(result) && result.length === 1) return result[0];
  return result;
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
