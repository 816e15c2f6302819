import {
  DEFAULT_TIER_RULE,
  describeProblem,
  explainDecision,
  findCategory,
  findTier,
  isBlocking,
  type Agreement,
  type Decision,
  type EngineSettings,
  type InvoicePlan,
  type Period,
} from '../../domain';
import type { SubjectLine, TallyInvoiceLineRef } from '../../sync/explain-work';
import type {
  ChosenCategory,
  ChosenTier,
  Destination,
  LineExplanation,
  PlannedLine,
  RecordedLine,
} from './explanation';

/** What one line's explanation is built from. */
export interface LineContext {
  readonly period: Period;
  readonly settings: EngineSettings;
  /** The customer's plan of the period; null for a ticket without customer. */
  readonly plan: InvoicePlan | null;
  readonly agreements: readonly Agreement[];
  readonly invoiceLines: ReadonlyMap<number, TallyInvoiceLineRef>;
}

const CATEGORY_RULE_PREFIXES = ['builtin:', 'rule:'];
const AGREEMENT_RULE_PREFIX = 'agreement:';
const COVERAGE_RULE_PREFIX = 'coverage:';

function ruleWith(decision: Decision, test: (ruleId: string) => boolean): string | null {
  return decision.ruleIds.find(test) ?? null;
}

function chosenTier(
  decision: Decision,
  settings: EngineSettings,
  agreements: readonly Agreement[],
): ChosenTier | null {
  if (decision.tier === null) return null;
  const ruleId = ruleWith(decision, (id) => id.startsWith(AGREEMENT_RULE_PREFIX));
  const agreement =
    ruleId === null || ruleId === DEFAULT_TIER_RULE
      ? undefined
      : agreements.find((entry) => ruleId === `${AGREEMENT_RULE_PREFIX}${entry.id}`);
  return {
    key: decision.tier,
    label: findTier(settings, decision.tier)?.label ?? decision.tier,
    ruleId: ruleId ?? DEFAULT_TIER_RULE,
    agreement:
      agreement === undefined
        ? null
        : {
            id: agreement.id,
            source: agreement.source,
            validFrom: agreement.validFrom,
            validTo: agreement.validTo,
          },
  };
}

function chosenCategory(decision: Decision, settings: EngineSettings): ChosenCategory | null {
  if (decision.category === null) return null;
  return {
    key: decision.category,
    label: findCategory(settings, decision.category)?.label ?? decision.category,
    ruleId: ruleWith(decision, (id) =>
      CATEGORY_RULE_PREFIXES.some((prefix) => id.startsWith(prefix)),
    ),
  };
}

function plannedLines(plan: InvoicePlan | null, decision: Decision): PlannedLine[] {
  if (plan === null) return [];
  return plan.sections
    .filter((section) => section.ticketId === decision.ticketId)
    .flatMap((section) => section.lines)
    .filter((line) => line.timesheetIds.includes(decision.lineId))
    .map((line) => ({ key: line.key, kind: line.kind, label: line.label }));
}

function destinationOf(decision: Decision, planned: readonly PlannedLine[]): Destination {
  if (planned.length > 0) return { kind: 'invoice', lines: planned };
  if (decision.coverage === 'review') return { kind: 'review' };
  return { kind: 'already_billed' };
}

/** A keyed line of a Tally invoice as the explanation names it. */
export function invoiceLineRef(found: TallyInvoiceLineRef): RecordedLine {
  return {
    lineId: found.id,
    key: found.key,
    label: found.label,
    invoice: { name: found.invoice.name, state: found.invoice.state, key: found.invoice.key },
  };
}

function recordedLine(
  line: SubjectLine,
  invoiceLines: ReadonlyMap<number, TallyInvoiceLineRef>,
): RecordedLine | null {
  if (line.invoiceLineId === null) return null;
  const found = invoiceLines.get(line.invoiceLineId);
  if (found === undefined)
    return { lineId: line.invoiceLineId, key: null, label: null, invoice: null };
  return invoiceLineRef(found);
}

function inSync(destination: Destination, recorded: RecordedLine | null): boolean {
  // A correction line carries no timesheet: the time is in line once a later draft corrects it.
  if (destination.kind === 'correction') return destination.lines.length > 0;
  if (destination.kind !== 'invoice') return recorded === null;
  return destination.lines.some((line) => line.key === recorded?.key);
}

function lineFacts(line: SubjectLine, period: Period) {
  return {
    timesheetId: Number(line.id),
    period,
    date: line.date,
    minutes: line.minutes,
    description: line.description,
  };
}

/**
 * The explanation of a line the plan decided about; `destination` when the plan does not carry it
 * (time its period's closed invoice does not hold).
 */
export function explainLine(
  line: SubjectLine,
  decision: Decision,
  context: LineContext,
  destination: Destination = destinationOf(decision, plannedLines(context.plan, decision)),
): LineExplanation {
  const recorded = recordedLine(line, context.invoiceLines);
  return {
    ...lineFacts(line, context.period),
    coverage: decision.coverage,
    tier: chosenTier(decision, context.settings, context.agreements),
    category: chosenCategory(decision, context.settings),
    coverageRuleId: ruleWith(decision, (id) => id.startsWith(COVERAGE_RULE_PREFIX)),
    reason: decision.reason,
    problems: decision.problems.map((problem) => ({
      code: problem.code,
      blocking: isBlocking(problem),
      text: describeProblem(problem),
    })),
    sentences: explainDecision(decision),
    destination,
    recorded,
    inSync: inSync(destination, recorded),
  };
}

/** A line that is in no plan of its period: read, but not planned (another company, ...). */
export function unplannedLine(
  line: SubjectLine,
  context: Pick<LineContext, 'period' | 'invoiceLines'>,
  why: string,
): LineExplanation {
  const recorded = recordedLine(line, context.invoiceLines);
  return {
    ...lineFacts(line, context.period),
    coverage: null,
    tier: null,
    category: null,
    coverageRuleId: null,
    reason: why,
    problems: [],
    sentences: [],
    destination: { kind: 'not_planned', why },
    recorded,
    inSync: recorded === null,
  };
}
