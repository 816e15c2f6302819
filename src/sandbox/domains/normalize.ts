import { OdooException } from '../errors';
import { pyTuple } from '../py';

/** Operators Odoo accepts in a domain leaf (odoo-rpc.md §3.2). */
export const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '=?',
  'in',
  'not in',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
  'child_of',
  'parent_of',
  'any',
  'not any',
]);

export type DomainNode =
  | { kind: 'and' | 'or'; children: DomainNode[] }
  | { kind: 'not'; child: DomainNode }
  | { kind: 'leaf'; path: string; operator: string; value: unknown; raw: readonly unknown[] }
  | { kind: 'const'; value: boolean };

function leafOf(item: readonly unknown[], modelVersion: number): DomainNode {
  const [left, operator, value] = item;
  if (item.length !== 3 || typeof operator !== 'string') {
    throw new OdooException('ValueError', `Invalid leaf ${pyTuple(item)}`);
  }
  if (left === 1 || left === 0 || left === true || left === false) {
    return { kind: 'const', value: Boolean(left) === (operator === '=') && value === 1 };
  }
  const normalised = operator.toLowerCase();
  if (typeof left !== 'string' || !OPERATORS.has(normalised)) {
    throw new OdooException('ValueError', `Invalid leaf ${pyTuple(item)}`);
  }
  if ((normalised === 'any' || normalised === 'not any') && modelVersion < 17) {
    throw new OdooException('ValueError', `Invalid leaf ${pyTuple(item)}`);
  }
  return {
    kind: 'leaf',
    path: left,
    operator: normalised === '<>' ? '!=' : normalised,
    value,
    raw: item,
  };
}

/** Parses a prefix-notation domain into a tree; consecutive terms are implicitly AND-ed. */
export function parseDomain(domain: unknown, version: number): DomainNode {
  if (domain === false || domain === null || domain === undefined) {
    return { kind: 'and', children: [] };
  }
  if (!Array.isArray(domain)) {
    throw new OdooException('ValueError', `Invalid domain ${JSON.stringify(domain)}`);
  }
  const stack: DomainNode[] = [];
  for (let i = domain.length - 1; i >= 0; i -= 1) {
    const item: unknown = domain[i];
    if (item === '&' || item === '|') {
      const a = stack.pop();
      const b = stack.pop();
      if (a === undefined || b === undefined) throw syntaxError(domain);
      stack.push({ kind: item === '&' ? 'and' : 'or', children: [a, b] });
    } else if (item === '!') {
      const a = stack.pop();
      if (a === undefined) throw syntaxError(domain);
      stack.push({ kind: 'not', child: a });
    } else if (Array.isArray(item)) {
      stack.push(leafOf(item, version));
    } else {
      throw syntaxError(domain);
    }
  }
  const children = stack.reverse();
  return children.length === 1 ? (children[0] as DomainNode) : { kind: 'and', children };
}

function syntaxError(domain: unknown[]): OdooException {
  return new OdooException(
    'ValueError',
    `Domain ${JSON.stringify(domain)} is syntactically not correct.`,
  );
}

/** True when a leaf names the field (used for the implicit `active` filter). */
export function mentionsField(node: DomainNode, field: string): boolean {
  switch (node.kind) {
    case 'leaf':
      return node.path === field;
    case 'not':
      return mentionsField(node.child, field);
    case 'and':
    case 'or':
      return node.children.some((child) => mentionsField(child, field));
    default:
      return false;
  }
}

/** SQL LIKE pattern -> anchored RegExp (`%` any run, `_` one char, `\` escapes). */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += escapeRegExp(pattern[i] as string);
    } else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
