/**
 * Creating Tally's drafts so that a key never exists twice, whatever ran before (issue 13, item 7):
 * the keys of a run's new drafts are looked up once, right before its creates, and a draft another
 * run made meanwhile is not made again; a create whose answer was lost (the client timed out, Odoo finished the request) is
 * taken as done when its keys are found afterwards, and only then.
 */
import { and, where } from '../../odoo/filter';
import { isOdooError } from '../../odoo/errors';
import type { ModelApi } from '../../odoo/model-api';
import type { MoveCreate } from './write-plan';

/** Answers whose request Odoo may still have carried out (odoo-rpc.md §2.5, §5). */
const LOST_ANSWER_CODES = new Set(['ODOO_TIMEOUT', 'ODOO_TRANSPORT']);

export interface KeyedCreateResult {
  /** Drafts this call created. */
  readonly created: number;
  /** Drafts whose key already existed (another run made them): left for the diff of the next run. */
  readonly foundExisting: number;
  /** Write calls made: the create, when there was anything to create (look-ups are reads). */
  readonly calls: number;
}

/** What the keyed create needs of `account.move` (the ModelApi satisfies it). */
export type DraftModel = Pick<ModelApi, 'searchRead' | 'create'>;

async function existingKeys(moves: DraftModel, keys: readonly string[]): Promise<Set<string>> {
  const rows = await moves.searchRead(
    and(
      where('move_type', '=', 'out_invoice'),
      where('state', '!=', 'cancel'),
      where('x_tally_key', 'in', [...keys]),
    ),
    { fields: ['x_tally_key'] },
  );
  return new Set(rows.map((row) => String(row.x_tally_key)));
}

/** The keys of Tally drafts that exist already, looked up once for all the creates of a run. */
export function existingDraftKeys(
  moves: DraftModel,
  creates: readonly MoveCreate[],
): Promise<Set<string>> {
  return creates.length === 0
    ? Promise.resolve(new Set())
    : existingKeys(
        moves,
        creates.map((create) => create.key),
      );
}

/** Creates the drafts of one batch whose keys were not found before the run's creates began. */
export async function createKeyedDrafts(
  moves: DraftModel,
  batch: readonly MoveCreate[],
  before: ReadonlySet<string>,
): Promise<KeyedCreateResult> {
  const missing = batch.filter((create) => !before.has(create.key));
  const foundExisting = batch.length - missing.length;
  if (missing.length === 0) return { created: 0, foundExisting, calls: 0 };
  try {
    await moves.create(missing.map((create) => create.values));
  } catch (error) {
    if (!isOdooError(error) || !LOST_ANSWER_CODES.has(error.code)) throw error;
    const after = await existingKeys(
      moves,
      missing.map((create) => create.key),
    );
    if (!missing.every((create) => after.has(create.key))) throw error;
  }
  return { created: missing.length, foundExisting, calls: 1 };
}
