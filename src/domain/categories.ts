import { categoryNameIndex, normaliseName } from './category-names';
import type { TicketFacts, WorkLine } from './facts';
import { readLinePrefix } from './line-prefix';
import type { Problem } from './problems';
import { recordRef } from './problems';
import type { ClassificationRule, EngineSettings } from './settings';
import type { CategoryKey } from './types';
import { compareText } from './types';

export { categoryNameIndex, normaliseName } from './category-names';

/**
 * Which service category a piece of work is. Precedence, first hit wins:
 * 1. the line's own `[label]` / `[key]` prefix (`builtin:line-prefix`): the person who did the
 *    work said what it was, so it beats everything said about the ticket as a whole. A prefix
 *    that names no category (`line-prefix.ts`) is a problem: held for review, or with
 *    `linePrefixes.unknown: ticket` a warning while the steps below decide;
 * 2. configured rules, in file order (`rule:<id>`), which may look at the ticket and the line;
 * 3. the ticket's category name, then its type name, then its tags, equal to a category's label,
 *    key or alias (`builtin:ticket-category`, `builtin:ticket-type`, `builtin:ticket-tag`).
 * Nothing matched: no category, and the work goes to review.
 */

export const BUILTIN_RULES = {
  linePrefix: 'builtin:line-prefix',
  ticketCategory: 'builtin:ticket-category',
  ticketType: 'builtin:ticket-type',
  ticketTag: 'builtin:ticket-tag',
} as const;

export interface CategoryResolution {
  readonly category: CategoryKey | null;
  readonly ruleId: string | null;
  readonly problems: readonly Problem[];
}

function matchesName(value: string | null | undefined, names: readonly string[]): boolean {
  if (value === null || value === undefined) return false;
  const wanted = normaliseName(value);
  return names.some((name) => normaliseName(name) === wanted);
}

function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  // String#search ignores `lastIndex`, so a pattern with the `g` flag cannot carry state over.
  return patterns.some((pattern) => text.search(pattern) >= 0);
}

/** True when every condition the rule sets holds for this ticket and line. */
export function ruleMatches(
  rule: ClassificationRule,
  ticket: TicketFacts,
  line: WorkLine,
): boolean {
  const { when } = rule;
  const checks: boolean[] = [];
  if (when.ticketCategory) checks.push(matchesName(ticket.categoryName, when.ticketCategory));
  if (when.ticketType) checks.push(matchesName(ticket.typeName, when.ticketType));
  if (when.ticketTags) {
    const tags = when.ticketTags;
    checks.push(ticket.tagNames.some((tag) => matchesName(tag, tags)));
  }
  if (when.team) checks.push(matchesName(ticket.teamName, when.team));
  if (when.keywords) {
    checks.push(matchesAny(`${ticket.name}\n${ticket.description}`, when.keywords));
  }
  if (when.lineKeywords) checks.push(matchesAny(line.description, when.lineKeywords));
  return checks.length > 0 && checks.every(Boolean);
}

function lookup(index: ReadonlyMap<string, CategoryKey>, name: string | null | undefined) {
  return name === null || name === undefined ? undefined : index.get(normaliseName(name));
}

/** Resolves the service category of one line of a ticket (see the precedence above). */
export function resolveCategory(
  ticket: TicketFacts,
  line: WorkLine,
  settings: EngineSettings,
  index: ReadonlyMap<string, CategoryKey> = categoryNameIndex(settings),
): CategoryResolution {
  const problems: Problem[] = [];
  const prefix = readLinePrefix(line.description, settings, index);
  if (prefix.kind === 'category') {
    return { category: prefix.category, ruleId: BUILTIN_RULES.linePrefix, problems };
  }
  if (prefix.kind === 'unknown') {
    // Held, the line waits for its author; not held, the ticket decides below (and it is reported).
    problems.push({
      code: 'LINE_PREFIX_UNKNOWN',
      record: recordRef('timesheet', line.id),
      prefix: prefix.prefix,
      suggestion: prefix.suggestion,
      held: settings.linePrefixes.unknown === 'hold',
    });
  }

  const rule = settings.rules.find((candidate) => ruleMatches(candidate, ticket, line));
  if (rule) return { category: rule.category, ruleId: `rule:${rule.id}`, problems };

  const fromCategory = lookup(index, ticket.categoryName);
  if (fromCategory) {
    return { category: fromCategory, ruleId: BUILTIN_RULES.ticketCategory, problems };
  }
  const fromType = lookup(index, ticket.typeName);
  if (fromType) return { category: fromType, ruleId: BUILTIN_RULES.ticketType, problems };

  const fromTags = [
    ...new Set(ticket.tagNames.map((tag) => lookup(index, tag)).filter((key) => key !== undefined)),
  ].sort(compareText);
  const [onlyTag] = fromTags;
  if (fromTags.length === 1 && onlyTag !== undefined) {
    return { category: onlyTag, ruleId: BUILTIN_RULES.ticketTag, problems };
  }
  if (fromTags.length > 1) {
    problems.push({
      code: 'CATEGORY_AMBIGUOUS',
      record: recordRef('ticket', ticket.id),
      candidates: fromTags,
    });
    return { category: null, ruleId: BUILTIN_RULES.ticketTag, problems };
  }

  problems.push({ code: 'UNCLASSIFIED', record: recordRef('timesheet', line.id) });
  return { category: null, ruleId: null, problems };
}
