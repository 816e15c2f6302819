import type { SandboxContext } from '../context';
import { envFor } from '../context';
import { OdooException } from '../errors';
import { bindClassic, bindJson2, resolveMethod } from './dispatch';

function contextOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Runs a classic `execute_kw` as `uid`, in one transaction; single-dict create answers an int. */
export function executeKw(
  ctx: SandboxContext,
  uid: number,
  model: string,
  method: string,
  args: unknown,
  kwargs: unknown,
): unknown {
  const positional = Array.isArray(args) ? args : args === undefined ? [] : null;
  if (positional === null)
    throw new OdooException('TypeError', `execute_kw() argument after * must be an iterable`);
  const named = contextOf(kwargs);
  const env = envFor(ctx, uid, contextOf(named.context));
  const resolved = resolveMethod(env, model, method, 'classic');
  const bound = bindClassic(resolved, positional, named);
  const result = ctx.store.transaction(() => resolved.method.run(env, bound.ids, bound.named));
  if (method === 'create' && !Array.isArray(bound.named.vals_list) && Array.isArray(result))
    return result[0];
  return result;
}

/** Runs a JSON-2 call as `uid` with named arguments; recordsets come back as id lists. */
export function executeJson2(
  ctx: SandboxContext,
  uid: number,
  model: string,
  method: string,
  body: Record<string, unknown>,
): unknown {
  const env = envFor(ctx, uid, contextOf(body.context));
  const resolved = resolveMethod(env, model, method, 'json2');
  const bound = bindJson2(model, resolved, body);
  return ctx.store.transaction(() => resolved.method.run(env, bound.ids, bound.named));
}
