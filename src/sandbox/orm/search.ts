import { compile } from '../domains/compile';
import { mentionsField, parseDomain, type DomainNode } from '../domains/normalize';
import type { Row } from '../store';
import type { Env } from '../types';
import { checkModelAccess } from './access';
import { isIdOrder, parseOrder, sortRows } from './order';

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

function withActiveTest(env: Env, model: string, node: DomainNode): DomainNode {
  const def = env.registry.require(model);
  if (
    !def.fields.has('active') ||
    env.context.active_test === false ||
    mentionsField(node, 'active')
  ) {
    return node;
  }
  const active: DomainNode = {
    kind: 'leaf',
    path: 'active',
    operator: '=',
    value: true,
    raw: ['active', '=', true],
  };
  return { kind: 'and', children: [active, node] };
}

/** Matching rows in unspecified order, plus whether they already come in ascending id order. */
function* scan(env: Env, model: string, domain: unknown, descending = false): Generator<Row> {
  const def = env.registry.require(model);
  const compiled = compile(
    env,
    def,
    withActiveTest(env, model, parseDomain(domain, env.profile.odooVersion)),
  );
  const table = env.store.table(model);
  const from = compiled.idFrom ?? 0;
  let ids: Iterable<number>;
  // Candidates are only a pre-filter (the test is complete): a set covering much of the table,
  // such as `company_id = 1`, is cheaper to check while walking ids than to sort on every page.
  const candidates = compiled.candidates;
  if (candidates !== undefined && candidates.size <= table.size / 4) {
    const sorted = [...candidates].filter((id) => id >= from).sort((a, b) => a - b);
    ids = descending ? sorted.reverse() : sorted;
  } else {
    ids = descending ? table.descendingIds() : table.ascendingIds(from);
  }
  for (const id of ids) {
    const row = table.get(id);
    if (row !== undefined && compiled.test(row)) yield row;
  }
}

/** `search`: ids matching the domain, ordered, paged; no limit returns everything. */
export function search(
  env: Env,
  model: string,
  domain: unknown,
  options: SearchOptions = {},
): number[] {
  const def = env.registry.require(model);
  checkModelAccess(env, def, 'read');
  const terms = parseOrder(def, options.order || def.order);
  const offset = options.offset ?? 0;
  const limit = options.limit ?? undefined;
  const idOrder = isIdOrder(terms);
  if (idOrder !== undefined) {
    const out: number[] = [];
    let skipped = 0;
    for (const row of scan(env, model, domain, idOrder === 'desc')) {
      if (skipped < offset) skipped += 1;
      else out.push(row.id);
      if (limit !== undefined && limit !== null && out.length >= limit) break;
    }
    return out;
  }
  const end = limit === undefined || limit === null ? undefined : offset + limit;
  const rows = sortRows(env, def, scan(env, model, domain), terms, end);
  return rows.slice(offset, end).map((row) => row.id);
}

/** `search_count`, optionally capped by `limit`. */
export function searchCount(
  env: Env,
  model: string,
  domain: unknown,
  limit?: number | null,
): number {
  checkModelAccess(env, env.registry.require(model), 'read');
  let count = 0;
  for (const _row of scan(env, model, domain)) {
    count += 1;
    if (limit !== undefined && limit !== null && count >= limit) break;
  }
  return count;
}

/** Matching rows without access checks or ordering (read_group, internal lookups). */
export function matchingRows(env: Env, model: string, domain: unknown): Row[] {
  return [...scan(env, model, domain)];
}
