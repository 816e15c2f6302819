import { OdooException } from '../errors';
import type { Env, FieldDef, ModelDef } from '../types';

export type Operation = 'read' | 'write' | 'create' | 'unlink';

const VERBS: Record<Operation, string> = {
  read: 'access',
  write: 'modify',
  create: 'create',
  unlink: 'delete',
};

/** Raises Odoo's ACL AccessError when the user holds none of the groups the operation needs. */
export function checkModelAccess(env: Env, model: ModelDef, operation: Operation): void {
  if (env.su) return;
  const needed = model.access[operation] ?? (operation === 'read' ? undefined : model.access.read);
  if (needed === undefined || needed.some((group) => env.groups.has(group))) return;
  const groups = needed.map((group) => `\t- ${env.registry.groupName(group)}`).join('\n');
  throw new OdooException(
    'AccessError',
    `You are not allowed to ${VERBS[operation]} '${model.description}' (${model.name}) records.\n\n` +
      `This operation is allowed for the following groups:\n${groups}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}

/** Whether the user may see a field (fields with `groups` are hidden otherwise). */
export function fieldAllowed(env: Env, field: FieldDef): boolean {
  return (
    env.su || field.groups === undefined || field.groups.some((group) => env.groups.has(group))
  );
}

/** Raises the AccessError naming every requested field the user's groups do not allow. */
export function checkFieldAccess(
  env: Env,
  model: ModelDef,
  names: Iterable<string>,
  operation: Operation,
): void {
  if (env.su) return;
  const denied: string[] = [];
  for (const name of names) {
    const field = model.fields.get(name);
    if (field !== undefined && !fieldAllowed(env, field)) denied.push(name);
  }
  if (denied.length === 0) return;
  throw new OdooException(
    'AccessError',
    `You do not have enough rights to access the fields "${denied.join(',')}" on ${model.description} ` +
      `(${model.name}). Please contact your system administrator.\n\n(Operation: ${operation})`,
  );
}

/** Odoo's MissingError for ids that do not exist (record repr as a Python tuple). */
export function missingError(env: Env, model: string, ids: number[]): OdooException {
  const tuple = ids.length === 1 ? `${ids[0]},` : ids.join(', ');
  return new OdooException(
    'MissingError',
    `Record does not exist or has been deleted.\n(Record: ${model}(${tuple}), User: ${env.uid})`,
  );
}
