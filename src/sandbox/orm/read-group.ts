import { displayName, fieldValue } from '../env';
import { OdooException } from '../errors';
import type { Row } from '../store';
import type { Env, ModelDef } from '../types';
import { checkModelAccess } from './access';
import { matchingRows } from './search';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface GroupSpec {
  key: string;
  field: string;
  granularity?: string;
}

interface Aggregate {
  alias: string;
  field: string;
  func: string;
}

function parseGroupBy(model: ModelDef, spec: string): GroupSpec {
  const [field, granularity] = spec.split(':') as [string, string | undefined];
  const def = model.fields.get(field);
  if (def === undefined)
    throw new OdooException('ValueError', `Invalid field '${field}' on model '${model.name}'`);
  const dated = def.type === 'date' || def.type === 'datetime';
  return { key: spec, field, ...(dated ? { granularity: granularity ?? 'month' } : {}) };
}

/** Parses `unit_amount`, `unit_amount:sum`, `total:sum(unit_amount)`; plain numbers sum. */
function parseAggregate(model: ModelDef, spec: string): Aggregate | undefined {
  const match = /^(\w+)(?::(\w+)(?:\((\w+)\))?)?$/.exec(spec.trim());
  if (match === null) throw new OdooException('ValueError', `Invalid aggregate ${spec}`);
  const [, alias, func, inner] = match as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  const field = inner ?? alias;
  if (field === '__count') return undefined;
  const def = model.fields.get(field);
  if (def === undefined)
    throw new OdooException('ValueError', `Invalid field '${field}' on model '${model.name}'`);
  const numeric = def.type === 'integer' || def.type === 'float' || def.type === 'monetary';
  if (func === undefined && !numeric) return undefined;
  return { alias, field, func: func ?? 'sum' };
}

function dateLabel(value: string, granularity: string): string {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  switch (granularity) {
    case 'day':
      return `${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year}`;
    case 'year':
      return String(year);
    case 'quarter':
      return `Q${Math.ceil(month / 3)} ${year}`;
    case 'week': {
      const date = new Date(Date.UTC(year, month - 1, day));
      const weekday = (date.getUTCDay() + 6) % 7;
      date.setUTCDate(date.getUTCDate() - weekday + 3);
      const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
      const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / 604800000);
      return `W${week} ${date.getUTCFullYear()}`;
    }
    default:
      return `${MONTHS[month - 1]} ${year}`;
  }
}

function groupValue(env: Env, model: ModelDef, row: Row, spec: GroupSpec): unknown {
  const field = model.fields.get(spec.field);
  if (field === undefined) return false;
  const value = fieldValue(env, model, row, field);
  if (field.type === 'many2one') {
    return typeof value === 'number' && field.relation
      ? [value, displayName(env, field.relation, value)]
      : false;
  }
  if (spec.granularity !== undefined && typeof value === 'string')
    return dateLabel(value, spec.granularity);
  return value === undefined ? false : value;
}

function aggregate(env: Env, model: ModelDef, rows: Row[], agg: Aggregate): unknown {
  const field = model.fields.get(agg.field);
  if (field === undefined) return false;
  const values = rows.map((row) => fieldValue(env, model, row, field));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  switch (agg.func) {
    case 'count':
      return values.filter((v) => v !== false).length;
    case 'count_distinct':
      return new Set(values.filter((v) => v !== false).map((v) => JSON.stringify(v))).size;
    case 'avg':
      return numbers.length === 0 ? 0 : numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case 'min':
      return numbers.length === 0 ? false : Math.min(...numbers);
    case 'max':
      return numbers.length === 0 ? false : Math.max(...numbers);
    default:
      return Math.round(numbers.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
  }
}

interface Grouped {
  values: unknown[];
  rows: Row[];
}

function groupRows(env: Env, model: ModelDef, rows: Row[], specs: GroupSpec[]): Grouped[] {
  const groups = new Map<string, Grouped>();
  for (const row of rows) {
    const values = specs.map((spec) => groupValue(env, model, row, spec));
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { values, rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()];
}

function groupDomain(specs: GroupSpec[], values: unknown[]): unknown[] {
  return specs
    .map((spec, index) => ({ spec, value: values[index] }))
    .filter(({ spec }) => spec.granularity === undefined)
    .map(({ spec, value }) => [spec.field, '=', Array.isArray(value) ? value[0] : value]);
}

function page<T>(items: T[], offset?: number | null, limit?: number | null): T[] {
  const start = offset ?? 0;
  return items.slice(start, limit === undefined || limit === null ? undefined : start + limit);
}

/** `read_group` (16-19): groups with `<field>_count` (lazy) or `__count`, sums and `__domain`. */
export function readGroup(
  env: Env,
  modelName: string,
  domain: unknown,
  fields: readonly string[],
  groupby: string | readonly string[],
  options: { offset?: number | null; limit?: number | null; lazy?: boolean } = {},
): Record<string, unknown>[] {
  const model = env.registry.require(modelName);
  checkModelAccess(env, model, 'read');
  const allSpecs = (typeof groupby === 'string' ? [groupby] : [...groupby]).map((g) =>
    parseGroupBy(model, g),
  );
  const lazy = options.lazy !== false;
  const specs = lazy ? allSpecs.slice(0, 1) : allSpecs;
  const aggregates = fields
    .map((f) => parseAggregate(model, f))
    .filter((a): a is Aggregate => a !== undefined);
  const groups = groupRows(env, model, matchingRows(env, modelName, domain), specs);
  const countKey = lazy && specs[0] !== undefined ? `${specs[0].field}_count` : '__count';
  const result = groups.map((group) => {
    const out: Record<string, unknown> = {};
    specs.forEach((spec, index) => (out[spec.key] = group.values[index]));
    out[countKey] = group.rows.length;
    for (const agg of aggregates) out[agg.alias] = aggregate(env, model, group.rows, agg);
    out.__domain = [...groupDomain(specs, group.values), ...(Array.isArray(domain) ? domain : [])];
    if (lazy && allSpecs.length > 1)
      out.__context = { group_by: allSpecs.slice(1).map((s) => s.key) };
    return out;
  });
  return page(result, options.offset, options.limit);
}

/** Odoo 19 `formatted_read_group`: `__count`, `field:agg` keys and `__extra_domain`. */
export function formattedReadGroup(
  env: Env,
  modelName: string,
  domain: unknown,
  groupby: readonly string[],
  aggregates: readonly string[],
  options: { offset?: number | null; limit?: number | null } = {},
): Record<string, unknown>[] {
  const model = env.registry.require(modelName);
  checkModelAccess(env, model, 'read');
  const specs = groupby.map((g) => parseGroupBy(model, g));
  const aggs = aggregates
    .filter((a) => a !== '__count')
    .map((a) => {
      const [field, func] = a.split(':') as [string, string | undefined];
      if (!model.fields.has(field))
        throw new OdooException('ValueError', `Invalid field '${field}' on model '${modelName}'`);
      return { alias: a, field, func: func ?? 'sum' };
    });
  const groups = groupRows(env, model, matchingRows(env, modelName, domain), specs);
  const result = groups.map((group) => {
    const out: Record<string, unknown> = {};
    specs.forEach((spec, index) => (out[spec.key] = group.values[index]));
    if (aggregates.includes('__count')) out.__count = group.rows.length;
    for (const agg of aggs) out[agg.alias] = aggregate(env, model, group.rows, agg);
    out.__extra_domain = groupDomain(specs, group.values);
    return out;
  });
  return page(result, options.offset, options.limit);
}
