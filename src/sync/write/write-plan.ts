import type { X2ManyCommand } from './diff-invoice';

/** A new Tally draft: one `account.move` create, its lines and timesheet links inline. */
export interface MoveCreate {
  readonly customerId: number;
  readonly key: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly lines: number;
}

/** Changes to an existing Tally draft: one `account.move` write. */
export interface MoveUpdate {
  readonly customerId: number;
  readonly moveId: number;
  readonly values: Readonly<Record<string, unknown>>;
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
}

/** The same values written on many records at once. */
export interface GroupWrite {
  readonly model: string;
  readonly ids: readonly number[];
  readonly values: Readonly<Record<string, unknown>>;
}

/** An activity for a person, plus the notice key that keeps it from being scheduled twice. */
export interface ActivityCreate {
  readonly model: 'helpdesk.ticket' | 'res.partner' | 'account.move';
  readonly recordId: number;
  readonly userId: number;
  readonly noticeKey: string;
  readonly summary: string;
  readonly note: string;
}

/** A customer whose invoice for the period finance already posted or cancelled. */
export interface ClosedInvoice {
  readonly customerId: number;
  readonly moveId: number;
  readonly name: string | null;
  readonly state: 'posted' | 'cancel';
}

/** Every write one period's sync makes, computed before any is made (so a dry run can show it). */
export interface WritePlan {
  readonly createMoves: readonly MoveCreate[];
  readonly updateMoves: readonly MoveUpdate[];
  /** Tally drafts to delete: duplicates of one key, or drafts left with no line at all. */
  readonly unlinkMoves: readonly number[];
  /** Timesheet marks, pack deliveries, ticket review notes and notice keys. */
  readonly groupWrites: readonly GroupWrite[];
  readonly activities: readonly ActivityCreate[];
  /** Notice keys recorded on tickets and customers, written after their activities exist. */
  readonly noticeWrites: readonly GroupWrite[];
  readonly closed: readonly ClosedInvoice[];
}

export type { X2ManyCommand };

/** Whether the plan writes nothing (what a rerun must find). */
export function isEmptyWritePlan(plan: WritePlan): boolean {
  return (
    plan.createMoves.length === 0 &&
    plan.updateMoves.length === 0 &&
    plan.unlinkMoves.length === 0 &&
    plan.groupWrites.length === 0 &&
    plan.activities.length === 0 &&
    plan.noticeWrites.length === 0
  );
}

/**
 * Joins writes of the same values on the same model into one (sorted ids), so records that end in
 * the same state share a call: review notes and notice keys repeat across many tickets.
 */
export function mergeGroupWrites(groups: readonly GroupWrite[]): GroupWrite[] {
  const merged = new Map<
    string,
    { model: string; values: GroupWrite['values']; ids: Set<number> }
  >();
  for (const group of groups) {
    const key = `${group.model}\u0000${JSON.stringify(group.values)}`;
    const entry = merged.get(key) ?? { model: group.model, values: group.values, ids: new Set() };
    for (const id of group.ids) entry.ids.add(id);
    merged.set(key, entry);
  }
  return [...merged.values()].map((entry) => ({
    model: entry.model,
    values: entry.values,
    ids: [...entry.ids].sort((a, b) => a - b),
  }));
}
