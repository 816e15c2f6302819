/**
 * The writes a period's sync would make, one entry per Odoo call target (model, action, records,
 * fields), for `tally sync --dry-run` in text and JSON. Values stay out: they hold invoice lines
 * and notes that the plan already shows, and a list of field names is what an admin checks.
 */
import type { GroupWrite, WritePlan } from './write-plan';

export interface PlannedWrite {
  readonly model: string;
  readonly action: 'create' | 'write' | 'unlink';
  /** The records written or deleted; empty for a create. */
  readonly ids: readonly number[];
  readonly fields: readonly string[];
  /** Who or what it is for, in words; empty when the records say it. */
  readonly detail: string;
}

const ACTIVITY_FIELDS = ['res_model_id', 'res_id', 'user_id', 'summary', 'note', 'date_deadline'];

/** Every write in the order the sync makes them. */
export function describeWrites(
  writes: WritePlan,
  customerName: (customerId: number) => string,
): PlannedWrite[] {
  const customer = (id: number): string => `${customerName(id)} (${id})`;
  return [
    ...writes.unlinkMoves.map((id): PlannedWrite => ({
      model: 'account.move',
      action: 'unlink',
      ids: [id],
      fields: [],
      detail: 'a Tally draft that duplicates another or has no line left',
    })),
    ...writes.createMoves.map((move): PlannedWrite => ({
      model: 'account.move',
      action: 'create',
      ids: [],
      fields: Object.keys(move.values),
      detail: `draft for ${customer(move.customerId)}, key ${move.key}, ${move.lines} line(s)`,
    })),
    ...writes.updateMoves.map((move): PlannedWrite => ({
      model: 'account.move',
      action: 'write',
      ids: [move.moveId],
      fields: Object.keys(move.values),
      detail: `draft of ${customer(move.customerId)}: ${move.created} line(s) added, ${move.updated} changed, ${move.removed} removed`,
    })),
    ...writes.groupWrites.map(groupEntry),
    ...writes.activities.map((activity): PlannedWrite => ({
      model: 'mail.activity',
      action: 'create',
      ids: [],
      fields: ACTIVITY_FIELDS,
      detail: `on ${activity.model} ${activity.recordId} for user ${activity.userId}: ${activity.summary}`,
    })),
    ...writes.noticeWrites.map(groupEntry),
  ];
}

function groupEntry(group: GroupWrite): PlannedWrite {
  return {
    model: group.model,
    action: 'write',
    ids: group.ids,
    fields: Object.keys(group.values),
    detail: '',
  };
}

/** Longest id list a text line shows before "and N more". */
const SHOWN_IDS = 8;

/** One write as a line: `create account.move: fields (detail)`. */
export function formatPlannedWrite(write: PlannedWrite): string {
  const shown = write.ids.slice(0, SHOWN_IDS).join(', ');
  const more = write.ids.length > SHOWN_IDS ? ` and ${write.ids.length - SHOWN_IDS} more` : '';
  const target = write.ids.length === 0 ? write.model : `${write.model} ${shown}${more}`;
  const fields = write.fields.length === 0 ? '' : `: ${write.fields.join(', ')}`;
  return `${write.action} ${target}${fields}${write.detail === '' ? '' : ` (${write.detail})`}`;
}
