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

/**
 * The mark values a timesheet must get, for each timesheet whose mark is not already right.
 * `stamps` holds the fingerprint (src/domain/work-stamp.ts) of each line this plan bills as it is
 * now: such a line gets its new stamp even when its classification stayed the same. A line not in
 * it keeps its stamp (its month's invoice is posted: what was billed has not changed).
 */
export function markChanges(
  decisions: readonly Decision[],
  current: ReadonlyMap<number, AnalyticLine>,
  settings: EngineSettings,
  drawnIds: ReadonlySet<number>,
  stamps: ReadonlyMap<number, string>,
): Map<number, Record<string, unknown>> {
  const changes = new Map<number, Record<string, unknown>>();
  for (const decision of decisions) {
    const id = Number(decision.lineId);
    const line = current.get(id);
    if (line === undefined) continue;
    const mark = markOf(decision, settings, drawnIds);
    const stamp = stamps.get(id);
    if (
      (line.x_tally_category ?? false) === mark.category &&
      line.x_tally_coverage === mark.coverage &&
      line.x_tally_reason === mark.reason &&
      (stamp === undefined || line.x_tally_stamp === stamp)
    )
      continue;
    changes.set(id, {
      x_tally_category: mark.category,
      x_tally_coverage: mark.coverage,
      x_tally_reason: mark.reason,
      ...(stamp === undefined ? {} : { x_tally_stamp: stamp }),
    });
  }
  return changes;
}

/**
 * Where marks that no invoice carries ride: the o2m from the ticket to its timesheets
 * (`timesheet_ids` in OCA helpdesk_mgmt_timesheet and Enterprise helpdesk_timesheet), and each
 * timesheet's ticket. Null: the database has no such o2m, so each mark is written on its line.
 */
export interface MarkCarriers {
  readonly ticketField: string;
  readonly ticketOf: ReadonlyMap<number, number>;
}

/**
 * Marks not already written with their invoice line. Timesheets with identical values share one
 * call; the rest (each stamp is its line's own) ride in one write of their ticket, as marks on a
 * draft ride in the draft's write, so a ticket's held time costs one call, not one per line.
 */
export function groupMarks(
  changes: ReadonlyMap<number, Record<string, unknown>>,
  skip: ReadonlySet<number>,
  carriers: MarkCarriers | null = null,
): GroupWrite[] {
  const groups = new Map<string, { values: Record<string, unknown>; ids: number[] }>();
  for (const [id, values] of changes) {
    if (skip.has(id)) continue;
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { values, ids: [] as number[] };
    group.ids.push(id);
    groups.set(key, group);
  }
  const shared: GroupWrite[] = [];
  const byTicket = new Map<number, [number, Record<string, unknown>][]>();
  for (const group of groups.values()) {
    const [only] = group.ids;
    const ticket = only === undefined ? undefined : carriers?.ticketOf.get(only);
    if (group.ids.length === 1 && only !== undefined && ticket !== undefined) {
      byTicket.set(ticket, [...(byTicket.get(ticket) ?? []), [only, group.values]]);
      continue;
    }
    shared.push(lineWrite(group.ids, group.values));
  }
  // Only lines with a ticket to ride on were set apart, so there are carriers when any were.
  if (carriers === null) return shared;
  const riding = [...byTicket]
    .sort(([a], [b]) => a - b)
    .map(([ticket, marks]): GroupWrite => {
      const [first] = marks;
      if (marks.length === 1 && first !== undefined) return lineWrite([first[0]], first[1]);
      return {
        model: MODELS.helpdeskTicket,
        ids: [ticket],
        values: {
          [carriers.ticketField]: marks
            .sort(([a], [b]) => a - b)
            .map(([id, values]) => [1, id, values]),
        },
      };
    });
  return [...shared, ...riding];
}

function lineWrite(ids: readonly number[], values: Record<string, unknown>): GroupWrite {
  return { model: MODELS.analyticLine, ids: [...ids].sort((a, b) => a - b), values };
}
