/**
 * Odoo search domains, typed. Called "filter" here because "domain" means the business rules in
 * this codebase (style.md naming). Prefix (Polish) notation as Odoo defines it (odoo-rpc.md §3.2).
 */
export type FilterOperator =
  | '='
  | '!='
  | '>'
  | '>='
  | '<'
  | '<='
  | '=?'
  | 'like'
  | 'ilike'
  | 'not like'
  | 'not ilike'
  | '=like'
  | '=ilike'
  | 'in'
  | 'not in'
  | 'child_of'
  | 'parent_of'
  | 'any'
  | 'not any';

export type FilterScalar = string | number | boolean | null;
export type FilterValue = FilterScalar | readonly FilterScalar[] | OdooFilter;
export type FilterCondition = readonly [
  field: string,
  operator: FilterOperator,
  value: FilterValue,
];
export type FilterTerm = FilterCondition | '&' | '|' | '!';
export type OdooFilter = readonly FilterTerm[];

/** Matches every record. */
export const ALL: OdooFilter = [];

/** One condition, e.g. `where('write_date', '>', '2024-05-01 00:00:00')`. */
export function where(field: string, operator: FilterOperator, value: FilterValue): OdooFilter {
  return [[field, operator, value]];
}

/** How many complete expressions a well-formed filter holds at its top level. */
function expressionCount(filter: OdooFilter): number {
  let needed = 0;
  let count = 0;
  for (const term of filter) {
    if (needed === 0) count += 1;
    else needed -= 1;
    if (term === '&' || term === '|') needed += 2;
    else if (term === '!') needed += 1;
  }
  return count;
}

/** The filter as one expression: Odoo ANDs top-level expressions, so make that explicit. */
function asOneExpression(filter: OdooFilter): OdooFilter {
  const count = expressionCount(filter);
  return count <= 1 ? filter : [...Array<'&'>(count - 1).fill('&'), ...filter];
}

/** All of the filters hold; empty filters are ignored. */
export function and(...filters: readonly OdooFilter[]): OdooFilter {
  return filters.flatMap((filter) => filter);
}

/** At least one of the filters holds; an empty filter matches everything, so the result does too. */
export function or(...filters: readonly OdooFilter[]): OdooFilter {
  if (filters.some((filter) => filter.length === 0)) return ALL;
  const parts = filters.map(asOneExpression);
  return [...Array<'|'>(Math.max(0, parts.length - 1)).fill('|'), ...parts.flat()];
}

/** The filter does not hold. */
export function not(filter: OdooFilter): OdooFilter {
  return filter.length === 0 ? [['id', '=', false]] : ['!', ...asOneExpression(filter)];
}
