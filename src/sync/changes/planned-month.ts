import type { Period } from '../../domain/types';
import type { Cursor } from '../cursor-store';

/**
 * The current month of the last incremental run, kept beside its cursors (per customer for the
 * queue's per-customer runs): a
 * run that finds months between it and its own plans them, so a month no run saw (the worker was
 * down for it) still gets its drafts and fees. It only moves forward, as a cursor does, so it is
 * stored as one: the month's first instant.
 */
export const PLANNED_MONTH_STREAM = 'planned-month';

export function monthMarker(period: Period): Cursor {
  return { writeDate: `${period}-01 00:00:00`, id: 0 };
}

export function periodOfMarker(marker: Cursor): Period {
  return marker.writeDate.slice(0, 7) as Period;
}
