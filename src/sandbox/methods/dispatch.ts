import { OdooException } from '../errors';
import type { Env, MethodDef } from '../types';
import { asIds } from './args';

/** How a call arrived: classic RPC binds positional arguments, JSON-2 only named ones. */
export type CallStyle = 'classic' | 'json2';

export interface ResolvedMethod {
  method: MethodDef;
  name: string;
}

/** What each version says of a method the model lacks (measured on real 16, 17, 18 and 19). */
function unknownMethodText(version: number, model: string, name: string): string {
  if (version <= 16) return `type object '${model}' has no attribute '${name}'`;
  if (version === 17) return `The method '${name}' does not exist on the model '${model}'`;
  return `The method '${model}.${name}' does not exist`;
}

/** Private methods every Odoo model has (BaseModel), which the sandbox does not implement. */
const BASE_PRIVATE_METHODS = new Set([
  '_compute_display_name',
  '_search',
  '_read_group',
  '_name_search',
  '_check_company',
  '_validate_fields',
]);

/** Finds a model method or raises what Odoo raises for unknown models, private and unknown methods. */
export function resolveMethod(
  env: Env,
  model: string,
  name: string,
  style: CallStyle,
): ResolvedMethod {
  const def = env.registry.get(model);
  if (def === undefined) {
    if (style === 'json2')
      throw new OdooException('NotFound', `the model '${model}' does not exist`);
    throw new OdooException('UserError', `Object ${model} doesn't exist`);
  }
  // 18 looks the name up before its underscore check, so a missing `_name` is an AttributeError
  // there and an AccessError on 16, 17 and 19 (odoo-verified.md, "Verified 2026-12-02").
  const lookedUpFirst =
    env.profile.odooVersion === 18 && !def.methods.has(name) && !BASE_PRIVATE_METHODS.has(name);
  if (name.startsWith('_') && !lookedUpFirst) {
    const example = env.profile.odooVersion >= 19 ? `'${model}.${name}'` : name;
    throw new OdooException(
      'AccessError',
      `Private methods (such as ${example}) cannot be called remotely.`,
    );
  }
  const method = def.methods.get(name);
  if (method === undefined) {
    if (style === 'json2')
      throw new OdooException('NotFound', `The method '${model}.${name}' does not exist`);
    throw new OdooException(
      'AttributeError',
      unknownMethodText(env.profile.odooVersion, model, name),
    );
  }
  return { method, name };
}

function paramName(param: string): string {
  return param.endsWith('?') ? param.slice(0, -1) : param;
}

/** Binds `execute_kw` args/kwargs the way Python would, with Python's TypeError messages. */
export function bindClassic(
  resolved: ResolvedMethod,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
): { ids: number[]; named: Record<string, unknown> } {
  const { method, name } = resolved;
  let positional = [...args];
  // Odoo browses whatever comes first and fails on the call's arity before it touches the ids.
  let rawIds: unknown = [];
  if (method.model !== true) {
    if (positional.length === 0) {
      throw new OdooException(
        'TypeError',
        `BaseModel.${name}() missing 1 required positional argument: 'self'`,
      );
    }
    rawIds = positional[0];
    positional = positional.slice(1);
  }
  const named: Record<string, unknown> = {};
  if (positional.length > method.params.length && method.varKw !== true) {
    throw new OdooException(
      'TypeError',
      `BaseModel.${name}() takes ${method.params.length + 1} positional arguments but ${positional.length + 1} were given`,
    );
  }
  positional.forEach((value, index) => {
    const param = method.params[index];
    if (param !== undefined) named[paramName(param)] = value;
  });
  const known = new Set(method.params.map(paramName));
  for (const [key, value] of Object.entries(kwargs)) {
    if (key === 'context') continue;
    if (!known.has(key) && method.varKw !== true) {
      throw new OdooException(
        'TypeError',
        `BaseModel.${name}() got an unexpected keyword argument '${key}'`,
      );
    }
    if (key in named) {
      throw new OdooException(
        'TypeError',
        `BaseModel.${name}() got multiple values for argument '${key}'`,
      );
    }
    named[key] = value;
  }
  const missing = method.params.filter((p) => !p.endsWith('?') && !(p in named));
  if (missing.length > 0) {
    const list = missing.map((p) => `'${p}'`).join(' and ');
    const plural = missing.length === 1 ? 'argument' : 'arguments';
    throw new OdooException(
      'TypeError',
      `BaseModel.${name}() missing ${missing.length} required positional ${plural}: ${list}`,
    );
  }
  return { ids: asIds(rawIds), named };
}

/** Binds a JSON-2 body: `ids` and `context` apart, the rest by name (422s as Odoo 19 gives them). */
export function bindJson2(
  model: string,
  resolved: ResolvedMethod,
  body: Record<string, unknown>,
): { ids: number[]; named: Record<string, unknown> } {
  const { method, name } = resolved;
  const ids = body.ids === undefined ? [] : asIds(body.ids);
  if (method.model === true && ids.length > 0) {
    throw new OdooException('UnprocessableEntity', `cannot call ${model}.${name} with ids`);
  }
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    if (key !== 'ids' && key !== 'context') named[key] = value;
  if (name === 'create' && named.vals_list !== undefined && !Array.isArray(named.vals_list)) {
    named.vals_list = [named.vals_list];
  }
  const missing = method.params.find((p) => !p.endsWith('?') && !(p in named));
  if (missing !== undefined)
    throw new OdooException('UnprocessableEntity', `missing a required argument: '${missing}'`);
  const known = new Set(method.params.map(paramName));
  const unknown = Object.keys(named).find((key) => !known.has(key));
  if (unknown !== undefined && method.varKw !== true) {
    throw new OdooException(
      'UnprocessableEntity',
      `got an unexpected keyword argument '${unknown}'`,
    );
  }
  return { ids, named };
}
