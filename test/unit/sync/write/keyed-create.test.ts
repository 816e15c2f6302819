import { OdooTimeoutError, OdooValidationError } from '../../../../src/odoo/errors';
import type { OdooRow } from '../../../../src/odoo/model-api';
import {
  createKeyedDrafts,
  existingDraftKeys,
  type DraftModel,
} from '../../../../src/sync/write/keyed-create';
import type { MoveCreate } from '../../../../src/sync/write/write-plan';

const draft = (key: string): MoveCreate => ({
  customerId: 7,
  key,
  lines: 1,
  values: { x_tally_key: key },
});

/** account.move as far as the keyed create sees it: keys that exist, and what create does. */
function fakeMoves(existing: string[]) {
  const keys = new Set(existing);
  const created: string[][] = [];
  let lookups = 0;
  const model: DraftModel = {
    searchRead: async () => {
      lookups += 1;
      return [...keys].map((key, index): OdooRow => ({ id: index + 1, x_tally_key: key }));
    },
    create: async (valsList) => {
      const batch = valsList.map((vals) => String(vals.x_tally_key));
      created.push(batch);
      for (const key of batch) keys.add(key);
      return batch.map((_, index) => index + 100);
    },
  };
  return { model, created, lookups: () => lookups, keys };
}

/** As applyWrites does it: the keys looked up once, then the batch created. */
const createDrafts = async (model: DraftModel, batch: readonly MoveCreate[]) =>
  createKeyedDrafts(model, batch, await existingDraftKeys(model, batch));

describe('createKeyedDrafts (issue 13, item 7: no draft twice)', () => {
  it('creates only the drafts whose key does not exist yet', async () => {
    const moves = fakeMoves(['tally:v1:7:2026-10']);
    const result = await createDrafts(moves.model, [
      draft('tally:v1:7:2026-10'),
      draft('tally:v1:8:2026-10'),
    ]);
    expect(moves.created).toEqual([['tally:v1:8:2026-10']]);
    expect(result).toEqual({ created: 1, foundExisting: 1, calls: 1 });
  });

  it('makes no create call when another run made every draft meanwhile', async () => {
    const moves = fakeMoves(['tally:v1:7:2026-10']);
    const result = await createDrafts(moves.model, [draft('tally:v1:7:2026-10')]);
    expect(moves.created).toEqual([]);
    expect(result).toEqual({ created: 0, foundExisting: 1, calls: 0 });
  });

  it('takes a create whose answer was lost as done when its keys are found after', async () => {
    const moves = fakeMoves([]);
    // The server committed although the answer never came: the keys are there on the look-up.
    moves.model.create = async (valsList) => {
      for (const vals of valsList) moves.keys.add(String(vals.x_tally_key));
      throw new OdooTimeoutError('account.move.create got no answer from Odoo within 30000 ms.');
    };
    const result = await createDrafts(moves.model, [draft('tally:v1:7:2026-10')]);
    expect(result).toEqual({ created: 1, foundExisting: 0, calls: 1 });
    expect(moves.lookups()).toBe(2);
  });

  it('rethrows a lost answer whose drafts are not there, and any other failure at once', async () => {
    const lost = fakeMoves([]);
    lost.model.create = async () => {
      throw new OdooTimeoutError('account.move.create got no answer from Odoo within 30000 ms.');
    };
    await expect(createDrafts(lost.model, [draft('k')])).rejects.toMatchObject({
      code: 'ODOO_TIMEOUT',
    });
    const refused = fakeMoves([]);
    refused.model.create = async () => {
      throw new OdooValidationError('The operation cannot be completed.');
    };
    await expect(createDrafts(refused.model, [draft('k')])).rejects.toMatchObject({
      code: 'ODOO_VALIDATION',
    });
    expect(refused.lookups()).toBe(1);
  });
});
