import { categoryNameIndex, resolveCategory } from './categories';
import { coverageOf } from './coverage';
import type { Decision } from './decision';
import type { Agreement, CompanyContext, CustomerFacts, TicketFacts, WorkLine } from './facts';
import { describeProblem } from './problem-text';
import type { Problem } from './problems';
import { isBlocking, recordRef } from './problems';
import type { EngineSettings } from './settings';
import { findCategory } from './settings';
import { resolveTier } from './tiers';
import type { CategoryKey, TicketId } from './types';
import { compareIds, compareText } from './types';
import { validateLine } from './validate';

/** Everything needed to classify lines; arrays of plain records, in any order. */
export interface ClassificationInput {
  readonly company: CompanyContext;
  readonly customers: readonly CustomerFacts[];
  readonly tickets: readonly TicketFacts[];
  readonly agreements: readonly Agreement[];
  readonly lines: readonly WorkLine[];
}

interface Lookups {
  readonly company: CompanyContext;
  readonly tickets: ReadonlyMap<string, TicketFacts>;
  readonly customers: ReadonlyMap<string, CustomerFacts>;
  readonly agreements: readonly Agreement[];
  readonly names: ReadonlyMap<string, CategoryKey>;
}

function review(line: WorkLine, ticketId: TicketId, base: Partial<Decision>, problems: Problem[]) {
  const blocking = problems.find(isBlocking);
  return {
    lineId: line.id,
    ticketId,
    customerId: base.customerId ?? null,
    date: line.date,
    minutes: line.minutes,
    category: base.category ?? null,
    coverage: 'review',
    tier: base.tier ?? null,
    ruleIds: base.ruleIds ?? [],
    reason: blocking ? `Held for review: ${describeProblem(blocking)}` : 'Held for review',
    problems,
  } satisfies Decision;
}

function classifyWith(line: WorkLine, lookups: Lookups, settings: EngineSettings): Decision {
  const ticket = lookups.tickets.get(line.ticketId);
  const customer =
    ticket?.customerId === null || ticket === undefined
      ? undefined
      : lookups.customers.get(ticket.customerId);
  const problems = validateLine(line, ticket, customer, lookups.company);
  if (!ticket || ticket.customerId === null || !customer) {
    return review(line, line.ticketId, { customerId: ticket?.customerId ?? null }, problems);
  }

  const categoryResult = resolveCategory(ticket, line, settings, lookups.names);
  const tierResult = resolveTier(lookups.agreements, customer.id, line.date, settings);
  problems.push(...categoryResult.problems, ...tierResult.problems);
  const ruleIds = [categoryResult.ruleId, tierResult.ruleId].filter((id) => id !== null);
  const category =
    categoryResult.category === null ? undefined : findCategory(settings, categoryResult.category);
  if (categoryResult.category !== null && !category) {
    // Only hand-built settings can reach this: the config loader rejects unknown category keys.
    problems.push({ code: 'UNCLASSIFIED', record: recordRef('timesheet', line.id) });
  }
  const base = {
    customerId: customer.id,
    category: categoryResult.category,
    tier: tierResult.tier?.key ?? null,
    ruleIds,
  };
  if (!category || !tierResult.tier || problems.some(isBlocking)) {
    return review(line, ticket.id, base, problems);
  }
  const outcome = coverageOf(settings, tierResult.tier, category);
  return {
    lineId: line.id,
    ticketId: ticket.id,
    customerId: customer.id,
    date: line.date,
    minutes: line.minutes,
    category: category.key,
    coverage: outcome.coverage,
    tier: tierResult.tier.key,
    ruleIds: [...ruleIds, outcome.ruleId],
    reason: outcome.reason,
    problems,
  };
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

/**
 * Classifies every line. The result is sorted by (date, line id) whatever the input order; a line
 * id given twice with different values yields one decision held for review (LINE_DUPLICATE).
 */
export function classifyLines(input: ClassificationInput, settings: EngineSettings): Decision[] {
  const lookups: Lookups = {
    company: input.company,
    tickets: byId(input.tickets),
    customers: byId(input.customers),
    agreements: input.agreements,
    names: categoryNameIndex(settings),
  };
  const groups = new Map<string, WorkLine[]>();
  for (const line of input.lines) groups.set(line.id, [...(groups.get(line.id) ?? []), line]);

  const decisions: Decision[] = [];
  for (const copies of groups.values()) {
    const distinct = [
      ...new Map(copies.map((copy) => [JSON.stringify(copy), copy])).entries(),
    ].sort(([a], [b]) => compareText(a, b));
    const [first] = distinct;
    if (!first) continue;
    const decision = classifyWith(first[1], lookups, settings);
    if (distinct.length === 1) decisions.push(decision);
    else {
      const problems = [
        { code: 'LINE_DUPLICATE', record: recordRef('timesheet', first[1].id) } as const,
        ...decision.problems,
      ];
      decisions.push(review(first[1], decision.ticketId, decision, problems));
    }
  }
  return decisions.sort((a, b) => compareText(a.date, b.date) || compareIds(a.lineId, b.lineId));
}

/** Classifies a single line against the given records (see classifyLines). */
export function classifyLine(
  line: WorkLine,
  input: Omit<ClassificationInput, 'lines'>,
  settings: EngineSettings,
): Decision {
  const [decision] = classifyLines({ ...input, lines: [line] }, settings);
  if (!decision) throw new Error('classifyLine: no decision for a single line');
  return decision;
}
