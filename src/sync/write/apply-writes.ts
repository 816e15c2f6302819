import { inBatches, WRITE_IDS_BATCH_SIZE } from '../../odoo/batching';
import { where } from '../../odoo/filter';
import type { ModelApi } from '../../odoo/model-api';
import { MODELS } from '../../odoo/models';
import { SyncStoppedError } from '../errors';
import { createKeyedDrafts, existingDraftKeys } from './keyed-create';
import type { GroupWrite, MoveCreate, WritePlan } from './write-plan';

/** What the writer needs of the Odoo client (the `OdooClient` satisfies it). */
export interface OdooWriter {
  model(name: string): ModelApi;
}

/** Lines per `account.move.create` call: one call = one transaction, kept to a moderate size. */
export const LINES_PER_CREATE = 1000;

export interface AppliedWrites {
  readonly movesCreated: number;
  /** Planned drafts whose key another run had created meanwhile: not made twice. */
  readonly movesFoundExisting: number;
  readonly movesUpdated: number;
  readonly movesDeleted: number;
  readonly recordsWritten: number;
  readonly activitiesCreated: number;
  /** Write calls made (creates, writes, unlinks). */
  readonly calls: number;
}

/** Groups of new drafts whose lines fit one create call (a draft is never split). */
function createBatches(creates: readonly MoveCreate[]): MoveCreate[][] {
  const batches: MoveCreate[][] = [];
  let current: MoveCreate[] = [];
  let lines = 0;
  for (const create of creates) {
    if (current.length > 0 && lines + create.lines > LINES_PER_CREATE) {
      batches.push(current);
      current = [];
      lines = 0;
    }
    current.push(create);
    lines += create.lines;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Makes the writes of a plan, in an order where any prefix is safe to stop after: invoices first,
 * then the marks and balances that describe them, then activities and, last, the notice keys that
 * stop activities from repeating. Every step is computed from Odoo's state, so a run cut short is
 * completed by the next one without duplicates.
 */
export async function applyWrites(
  client: OdooWriter,
  plan: WritePlan,
  today: string,
  signal?: AbortSignal,
): Promise<AppliedWrites> {
  let calls = 0;
  // Checked before every call: a job that lost its customer lock stops between two writes, and
  // the next run (keyed, idempotent) completes what it left.
  const go = () => {
    if (signal?.aborted === true) throw new SyncStoppedError();
  };
  let recordsWritten = 0;
  const moves = client.model(MODELS.accountMove);
  let movesCreated = 0;
  let movesFoundExisting = 0;
  const existing = await existingDraftKeys(moves, plan.createMoves);
  for (const batch of createBatches(plan.createMoves)) {
    go();
    const result = await createKeyedDrafts(moves, batch, existing);
    movesCreated += result.created;
    movesFoundExisting += result.foundExisting;
    calls += result.calls;
  }
  for (const update of plan.updateMoves) {
    go();
    await moves.write([update.moveId], update.values);
    calls += 1;
  }
  if (plan.unlinkMoves.length > 0) {
    go();
    await moves.unlink(plan.unlinkMoves);
    calls += 1;
  }
  // A period's marks fall into a few dozen groups of identical values (category, coverage,
  // reason) of thousands of lines each: one call per group is what keeps writes per period flat,
  // and Odoo runs a write on thousands of ids as set-based UPDATEs (batching.ts).
  const writeGroups = async (groups: readonly GroupWrite[]) => {
    for (const group of groups) {
      for (const ids of inBatches(group.ids, WRITE_IDS_BATCH_SIZE)) {
        go();
        await client.model(group.model).write(ids, group.values, { idempotent: true });
        calls += 1;
        recordsWritten += ids.length;
      }
    }
  };
  await writeGroups(plan.groupWrites);
  if (plan.activities.length > 0) {
    const modelIds = await activityModelIds(
      client,
      plan.activities.map((activity) => activity.model),
    );
    go();
    await client.model('mail.activity').create(
      plan.activities.map((activity) => ({
        res_model_id: modelIds.get(activity.model),
        res_id: activity.recordId,
        user_id: activity.userId,
        summary: activity.summary,
        note: activity.note,
        date_deadline: today,
      })),
    );
    calls += 1;
  }
  await writeGroups(plan.noticeWrites);
  return {
    movesCreated,
    movesFoundExisting,
    movesUpdated: plan.updateMoves.length,
    movesDeleted: plan.unlinkMoves.length,
    recordsWritten,
    activitiesCreated: plan.activities.length,
    calls,
  };
}

async function activityModelIds(
  client: OdooWriter,
  models: readonly string[],
): Promise<Map<string, number>> {
  const rows = await client
    .model('ir.model')
    .searchRead(where('model', 'in', [...new Set(models)]), { fields: ['model'] });
  const ids = new Map<string, number>();
  for (const row of rows) if (typeof row.model === 'string') ids.set(row.model, row.id);
  return ids;
}
