import type { ModelApi } from '../../../../src/odoo/model-api';
import { SyncStoppedError } from '../../../../src/sync/errors';
import { applyWrites } from '../../../../src/sync/write/apply-writes';
import type { WritePlan } from '../../../../src/sync/write/write-plan';

/** A writer that records calls and aborts the run after `stopAfter` of them. */
function recordingWriter(controller: AbortController, stopAfter: number) {
  const calls: string[] = [];
  const api = (model: string) =>
    ({
      create: async () => {
        calls.push(`${model}.create`);
        if (calls.length >= stopAfter) controller.abort();
        return [1];
      },
      write: async () => {
        calls.push(`${model}.write`);
        if (calls.length >= stopAfter) controller.abort();
      },
      unlink: async () => {
        calls.push(`${model}.unlink`);
      },
      searchRead: async () => [{ id: 9, model }],
    }) as unknown as ModelApi;
  return { calls, writer: { model: api } };
}

const PLAN: WritePlan = {
  createMoves: [{ customerId: 1, key: 'k1', values: {}, lines: 3 }],
  updateMoves: [{ customerId: 2, moveId: 5, values: {}, created: 0, updated: 1, removed: 0 }],
  unlinkMoves: [],
  groupWrites: [
    { model: 'account.analytic.line', ids: [1, 2], values: { x_tally_coverage: 'covered' } },
    { model: 'account.analytic.line', ids: [3], values: { x_tally_coverage: 'billable' } },
  ],
  activities: [],
  noticeWrites: [],
  closed: [],
};

describe('applyWrites and its stop signal', () => {
  it('makes every write when nothing asks it to stop', async () => {
    const controller = new AbortController();
    const { calls, writer } = recordingWriter(controller, 99);
    const applied = await applyWrites(writer, PLAN, '2026-02-01', controller.signal);
    expect(calls).toHaveLength(4);
    expect(applied.calls).toBe(4);
  });

  it.each([1, 2, 3])('stops before the next write once the signal aborts (after %i)', async (n) => {
    const controller = new AbortController();
    const { calls, writer } = recordingWriter(controller, n);
    await expect(applyWrites(writer, PLAN, '2026-02-01', controller.signal)).rejects.toBeInstanceOf(
      SyncStoppedError,
    );
    expect(calls).toHaveLength(n);
  });

  it('is a retryable error: the next run completes the work', () => {
    expect(new SyncStoppedError().retryable).toBe(true);
  });
});
