import { one2manyIds } from '../env';
import { OdooException } from '../errors';
import { pyRepr } from '../py';
import type { Env, FieldDef, ModelDef, Vals } from '../types';

/** The record operations commands need; passed in to keep this module free of import cycles. */
export interface RecordOps {
  create(env: Env, model: string, vals: Vals[]): number[];
  write(env: Env, model: string, ids: number[], vals: Vals): void;
  unlink(env: Env, model: string, ids: number[]): void;
}

type Command = [number, number, unknown];

/** Normalises what clients send for x2many: command triples, or a bare list of ids (= SET). */
export function parseCommands(model: ModelDef, field: FieldDef, value: unknown): Command[] {
  if (value === false || value === null || value === undefined) return [[5, 0, 0]];
  if (!Array.isArray(value)) {
    throw new OdooException(
      'ValueError',
      `Wrong value for ${model.name}.${field.name}: ${pyRepr(value)}`,
    );
  }
  if (value.every((item) => typeof item === 'number')) return [[6, 0, value]];
  return value.map((item) => {
    if (!Array.isArray(item) || typeof item[0] !== 'number' || item[0] < 0 || item[0] > 6) {
      throw new OdooException(
        'ValueError',
        `Wrong value for ${model.name}.${field.name}: ${pyRepr(item)}`,
      );
    }
    return [item[0], typeof item[1] === 'number' ? item[1] : 0, item[2]] as Command;
  });
}

function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/** Applies x2many commands 0-6 to record `id` (Odoo's Command semantics, odoo-rpc.md §3.3). */
export function applyCommands(
  env: Env,
  model: ModelDef,
  id: number,
  field: FieldDef,
  value: unknown,
  ops: RecordOps,
): void {
  const commands = parseCommands(model, field, value);
  const relation = field.relation as string;
  if (field.type === 'many2many') {
    const table = env.store.table(model.name);
    const current = new Set(idsOf(table.get(id)?.[field.name]));
    for (const [code, target, vals] of commands) {
      if (code === 0)
        for (const created of ops.create(env, relation, [(vals ?? {}) as Vals]))
          current.add(created);
      else if (code === 1) ops.write(env, relation, [target], (vals ?? {}) as Vals);
      else if (code === 2) {
        current.delete(target);
        ops.unlink(env, relation, [target]);
      } else if (code === 3) current.delete(target);
      else if (code === 4) current.add(target);
      else if (code === 5) current.clear();
      else {
        current.clear();
        for (const linked of idsOf(vals)) current.add(linked);
      }
    }
    table.update(id, { [field.name]: [...current].sort((a, b) => a - b) });
    return;
  }
  const inverse = field.relationField as string;
  const comodel = env.registry.require(relation);
  const inverseRequired = comodel.fields.get(inverse)?.required === true;
  const detach = (targets: number[]): void => {
    if (targets.length === 0) return;
    if (inverseRequired) ops.unlink(env, relation, targets);
    else ops.write(env, relation, targets, { [inverse]: false });
  };
  for (const [code, target, vals] of commands) {
    if (code === 0) ops.create(env, relation, [{ ...((vals ?? {}) as Vals), [inverse]: id }]);
    else if (code === 1) ops.write(env, relation, [target], (vals ?? {}) as Vals);
    else if (code === 2) ops.unlink(env, relation, [target]);
    else if (code === 3) detach([target]);
    else if (code === 4) ops.write(env, relation, [target], { [inverse]: id });
    else if (code === 5) detach(one2manyIds(env, field, id));
    else {
      const keep = new Set(idsOf(vals));
      detach(one2manyIds(env, field, id).filter((linked) => !keep.has(linked)));
      const missing = [...keep].filter(
        (linked) => env.store.table(relation).get(linked)?.[inverse] !== id,
      );
      if (missing.length > 0) ops.write(env, relation, missing, { [inverse]: id });
    }
  }
}
