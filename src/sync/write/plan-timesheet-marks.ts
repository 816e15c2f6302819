import type { Decision } from '../../domain/decision';
import { findCategory, type EngineSettings } from '../../domain/settings';
import type { AnalyticLine } from '../../odoo/records/analytic-line';
import { MODELS } from '../../odoo/models';
import type { TimesheetCoverage } from '../../odoo/tally-fields';
import { reviewSummary } from './review-text';
import type { GroupWrite } from './write-plan';

/** Odoo's char fields hold any length, but a list column is read by people: keep reasons short. */
const REASON_LENGTH = 240;

/** What a timesheet line should show staff about how it was billed. */
export interface TimesheetMark {
  readonly category: string | false;
  readonly coverage: TimesheetCoverage;
  readonly reason: string;
}

/** The mark of a decision; `drawnIds` are timesheets carried by a prepaid drawdown line. */
export function markOf(
  decision: Decision,
  settings: EngineSettings,
  drawnIds: ReadonlySet<number>,
): TimesheetMark {
  const category =
    decision.category === null
      ? false
      : (findCategory(settings, decision.category)?.label ?? decision.category);
  const coverage: TimesheetCoverage =
    decision.coverage === 'billable'
      ? drawnIds.has(Number(decision.lineId))
        ? 'prepaid'
        : 'billable'
      : decision.coverage;
  const reason = coverage === 'review' ? reviewSummary(decision.problems) : decision.reason;
  return { category, coverage, reason: reason.slice(0, REASON_LENGTH) };
}

/** The mark values a timesheet must get, for each timesheet whose mark is not already right. */
export function markChanges(
  decisions: readonly Decision[],
  current: ReadonlyMap<number, AnalyticLine>,
  settings: EngineSettings,
  drawnIds: ReadonlySet<number>,
): Map<number, Record<string, unknown>> {
  const changes = new Map<number, Record<string, unknown>>();
  for (const decision of decisions) {
    const id = Number(decision.lineId);
    const line = current.get(id);
    if (line === undefined) continue;
    const mark = markOf(decision, settings, drawnIds);
    if (
      (line.x_tally_category ?? false) === mark.category &&
      line.x_tally_coverage === mark.coverage &&
      line.x_tally_reason === mark.reason
    )
      continue;
    changes.set(id, {
      x_tally_category: mark.category,
      x_tally_coverage: mark.coverage,
      x_tally_reason: mark.reason,
    });
  }
  return changes;
}

/**
 * Marks not already written with their invoice line, grouped by identical values so a thousand
 * lines of one category and coverage take one call.
 */
export function groupMarks(
  changes: ReadonlyMap<number, Record<string, unknown>>,
  skip: ReadonlySet<number>,
): GroupWrite[] {
  const groups = new Map<string, { values: Record<string, unknown>; ids: number[] }>();
  for (const [id, values] of changes) {
    if (skip.has(id)) continue;
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { values, ids: [] as number[] };
    group.ids.push(id);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    model: MODELS.analyticLine,
    ids: group.ids.sort((a, b) => a - b),
    values: group.values,
  }));
}
