import { displayName, fieldValue } from '../env';
import { OdooException } from '../errors';
import { pyTuple } from '../py';
import type { Row } from '../store';
import type { Env, FieldDef, ModelDef } from '../types';
import { likeToRegExp, parseDomain, type DomainNode } from './normalize';

type Test = (row: Row) => boolean;

/** A compiled domain: a row test plus, where cheap, the only ids that can match. */
export interface Compiled {
  test: Test;
  /** Ids that may match (from the id or a many2one index); absent = scan everything. */
  candidates?: ReadonlySet<number>;
  /** Lower bound on matching ids (from `id >`/`>=` leaves). */
  idFrom?: number;
}

const ALL: Compiled = { test: () => true };
const NONE: Compiled = { test: () => false, candidates: new Set() };

/** Compiles a parsed domain against a model. */
export function compile(env: Env, model: ModelDef, node: DomainNode): Compiled {
  switch (node.kind) {
    case 'const':
      return node.value ? ALL : NONE;
    case 'not': {
      const inner = compile(env, model, node.child);
      return { test: (row) => !inner.test(row) };
    }
    case 'or': {
      const parts = node.children.map((child) => compile(env, model, child));
      return { test: (row) => parts.some((part) => part.test(row)) };
    }
    case 'and': {
      const parts = node.children.map((child) => compile(env, model, child));
      let candidates: ReadonlySet<number> | undefined;
      let idFrom: number | undefined;
      for (const part of parts) {
        if (
          part.candidates !== undefined &&
          (candidates === undefined || part.candidates.size < candidates.size)
        ) {
          candidates = part.candidates;
        }
        if (part.idFrom !== undefined) idFrom = Math.max(idFrom ?? 0, part.idFrom);
      }
      const test: Test =
        parts.length === 1
          ? (parts[0] as Compiled).test
          : (row) => parts.every((part) => part.test(row));
      return {
        test,
        ...(candidates ? { candidates } : {}),
        ...(idFrom !== undefined ? { idFrom } : {}),
      };
    }
    case 'leaf':
      return compileLeaf(env, model, node);
  }
}

/** Ids of `model` matching a raw domain (sub-queries of dotted paths and `any`). */
export function matchingIds(env: Env, model: string, domain: unknown): Set<number> {
  const def = env.registry.require(model);
  const compiled = compile(env, def, parseDomain(domain, env.profile.odooVersion));
  const table = env.store.table(model);
  const out = new Set<number>();
  const ids = compiled.candidates ?? table.rows.keys();
  for (const id of ids) {
    const row = table.get(id);
    if (row !== undefined && compiled.test(row)) out.add(id);
  }
  return out;
}

function invalidField(
  env: Env,
  model: ModelDef,
  raw: readonly unknown[],
  name: string,
): OdooException {
  const where = env.profile.odooVersion >= 19 ? 'condition' : 'leaf';
  return new OdooException(
    'ValueError',
    `Invalid field ${model.name}.${name} in ${where} ${pyTuple(raw)}`,
  );
}

function compileLeaf(
  env: Env,
  model: ModelDef,
  leaf: Extract<DomainNode, { kind: 'leaf' }>,
): Compiled {
  const [head, ...rest] = leaf.path.split('.');
  const field = model.fields.get(head as string);
  if (field === undefined) throw invalidField(env, model, leaf.raw, head as string);
  if (rest.length > 0) {
    if (field.relation === undefined) throw invalidField(env, model, leaf.raw, leaf.path);
    const targets = matchingIds(env, field.relation, [[rest.join('.'), leaf.operator, leaf.value]]);
    return relationalIn(env, model, field, targets);
  }
  const { operator } = leaf;
  if (operator === '=?') {
    if (leaf.value === false || leaf.value === null) return ALL;
    return compileLeaf(env, model, { ...leaf, operator: '=' });
  }
  if (operator === 'any' || operator === 'not any') {
    if (field.relation === undefined) throw invalidField(env, model, leaf.raw, leaf.path);
    const inner = relationalIn(env, model, field, matchingIds(env, field.relation, leaf.value));
    return operator === 'any' ? inner : { test: (row) => !inner.test(row) };
  }
  if (operator === 'child_of' || operator === 'parent_of') {
    const target = field.name === 'id' ? model.name : field.relation;
    if (target === undefined) throw invalidField(env, model, leaf.raw, leaf.path);
    const ids = hierarchy(env, target, toIdList(env, target, leaf.value), operator === 'child_of');
    return field.name === 'id' ? idIn(ids) : relationalIn(env, model, field, ids);
  }
  if (field.relation !== undefined && usesNames(leaf.value, operator)) {
    return compileByName(env, model, field, operator, leaf.value);
  }
  if (field.type === 'many2many' || field.type === 'one2many') {
    return compileX2many(env, model, field, operator, leaf.value);
  }
  return compileScalar(env, model, field, operator, leaf.value);
}

function usesNames(value: unknown, operator: string): boolean {
  if (operator.includes('like')) return true;
  if (typeof value === 'string') return true;
  return Array.isArray(value) && value.some((item) => typeof item === 'string');
}

function compileByName(
  env: Env,
  model: ModelDef,
  field: FieldDef,
  operator: string,
  value: unknown,
): Compiled {
  const relation = field.relation as string;
  const negative = operator === '!=' || operator === 'not in' || operator.startsWith('not ');
  const positiveOp = negative
    ? operator === '!='
      ? '='
      : operator === 'not in'
        ? 'in'
        : operator.slice(4)
    : operator;
  const matchName = nameMatcher(positiveOp, value);
  const targets = new Set<number>();
  for (const id of env.store.table(relation).rows.keys()) {
    if (matchName(displayName(env, relation, id))) targets.add(id);
  }
  const inner = relationalIn(env, model, field, targets);
  return negative ? { test: (row) => !inner.test(row) } : inner;
}

function nameMatcher(operator: string, value: unknown): (name: string) => boolean {
  if (operator === 'in') {
    const names = new Set((Array.isArray(value) ? value : [value]).map(String));
    return (name) => names.has(name);
  }
  if (operator === '=') return (name) => name === String(value);
  return likeTest(operator, value);
}

function likeTest(operator: string, value: unknown): (text: string) => boolean {
  const raw = value === false || value === null || value === undefined ? '' : String(value);
  const exact = operator.startsWith('=');
  const pattern = exact ? raw : `%${raw}%`;
  const regexp = likeToRegExp(pattern, operator.includes('ilike'));
  return (text) => regexp.test(text);
}

/** many2one: target id in set; x2many: any linked id in set; `id`: own id in set. */
function relationalIn(
  env: Env,
  model: ModelDef,
  field: FieldDef,
  targets: ReadonlySet<number>,
): Compiled {
  if (field.name === 'id') return idIn(targets);
  if (field.type === 'many2one') {
    const table = env.store.table(model.name);
    let candidates: Set<number> | undefined;
    if (field.store && field.compute === undefined) {
      // The index pays while it narrows the scan: `ticket_id in [1,000 ids]` picks a few
      // thousand rows of a large table; a union near the table's size is cheaper to scan.
      candidates = new Set();
      const useful = table.size / 4;
      for (const target of targets) {
        for (const id of table.referencing(field.name, target)) candidates.add(id);
        if (candidates.size > useful) {
          candidates = undefined;
          break;
        }
      }
    }
    const test: Test = (row) => {
      const value = fieldValue(env, model, row, field);
      return typeof value === 'number' && targets.has(value);
    };
    return candidates === undefined ? { test } : { test, candidates };
  }
  return {
    test: (row) => linked(env, model, row, field).some((id) => targets.has(id)),
  };
}

function idIn(ids: ReadonlySet<number>): Compiled {
  return { test: (row) => ids.has(row.id), candidates: ids };
}

function linked(env: Env, model: ModelDef, row: Row, field: FieldDef): number[] {
  const value = fieldValue(env, model, row, field);
  return Array.isArray(value) ? (value as number[]) : [];
}

function toIdList(env: Env, model: string, value: unknown): number[] {
  const items = Array.isArray(value) ? value : [value];
  const ids: number[] = [];
  for (const item of items) {
    if (typeof item === 'number') ids.push(item);
    else if (typeof item === 'string') {
      for (const id of env.store.table(model).rows.keys()) {
        if (displayName(env, model, id).toLowerCase().includes(item.toLowerCase())) ids.push(id);
      }
    }
  }
  return ids;
}

function hierarchy(env: Env, model: string, roots: number[], down: boolean): Set<number> {
  const def = env.registry.require(model);
  const parent = def.parentName ?? 'parent_id';
  const table = env.store.table(model);
  const out = new Set<number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.pop() as number;
    if (out.has(id) || table.get(id) === undefined) continue;
    out.add(id);
    if (down) queue.push(...table.referencing(parent, id));
    else {
      const up = table.get(id)?.[parent];
      if (typeof up === 'number') queue.push(up);
    }
  }
  return out;
}

function compileX2many(
  env: Env,
  model: ModelDef,
  field: FieldDef,
  operator: string,
  value: unknown,
): Compiled {
  const list = Array.isArray(value) ? value : [value];
  const wantsEmpty = list.includes(false) || value === false || value === null;
  const ids = new Set(list.filter((item): item is number => typeof item === 'number'));
  const anyIn: Test = (row) => {
    const links = linked(env, model, row, field);
    return (wantsEmpty && links.length === 0) || links.some((id) => ids.has(id));
  };
  switch (operator) {
    case '=':
    case 'in':
      return { test: anyIn };
    case '!=':
    case 'not in':
      return { test: (row) => !anyIn(row) };
    default:
      return { test: () => false };
  }
}

function isEmptyValue(value: unknown): boolean {
  return value === false || value === null || value === undefined;
}

function compileScalar(
  env: Env,
  model: ModelDef,
  field: FieldDef,
  operator: string,
  value: unknown,
): Compiled {
  const get = (row: Row): unknown =>
    field.name === 'id' ? row.id : fieldValue(env, model, row, field);
  const isBool = field.type === 'boolean';
  const empty = (v: unknown): boolean => isEmptyValue(v) || (isBool && v === false);
  switch (operator) {
    case '=':
    case '!=': {
      const equal: Test =
        isEmptyValue(value) || (isBool && value === false)
          ? (row) => empty(get(row))
          : (row) => looseEqual(get(row), value);
      if (operator === '!=') return { test: (row) => !equal(row) };
      if (field.name === 'id' && typeof value === 'number') return idIn(new Set([value]));
      if (field.type === 'many2one' && typeof value === 'number') {
        return relationalIn(env, model, field, new Set([value]));
      }
      return { test: equal };
    }
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const withEmpty = list.some(isEmptyValue);
      const set = new Set(list.filter((item) => !isEmptyValue(item)));
      const member: Test = (row) => {
        const v = get(row);
        return empty(v) ? withEmpty : set.has(v) || (typeof v === 'number' && set.has(String(v)));
      };
      if (operator === 'not in') return { test: (row) => !member(row) };
      const numeric = [...set].filter((item): item is number => typeof item === 'number');
      if (field.name === 'id') return idIn(new Set(numeric));
      if (field.type === 'many2one' && !withEmpty)
        return relationalIn(env, model, field, new Set(numeric));
      return { test: member };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const compare = (row: Row): boolean => {
        const v = get(row);
        if (empty(v) && !(typeof v === 'number')) return false;
        return ordered(v, value, operator);
      };
      if (
        field.name === 'id' &&
        typeof value === 'number' &&
        (operator === '>' || operator === '>=')
      ) {
        return {
          test: compare,
          idFrom: operator === '>' ? Math.floor(value) + 1 : Math.ceil(value),
        };
      }
      return { test: compare };
    }
    default: {
      const negative = operator.startsWith('not ');
      const match = likeTest(negative ? operator.slice(4) : operator, value);
      const test: Test = (row) => {
        const v = get(row);
        return !empty(v) && match(String(v));
      };
      return negative ? { test: (row) => !test(row) } : { test };
    }
  }
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return a === Number(b);
  if (typeof a === 'string' && typeof b === 'number') return Number(a) === b;
  return false;
}

function ordered(a: unknown, b: unknown, operator: string): boolean {
  const left = typeof a === 'number' ? a : String(a);
  const right = typeof a === 'number' ? Number(b) : String(b);
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}
