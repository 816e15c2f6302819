import type { ModelApi } from '../../../../src/odoo/model-api';
import { DeferredWrites } from '../../../../src/sync/write/deferred-writes';
import { groupMarks } from '../../../../src/sync/write/plan-timesheet-marks';

const HELD = { x_tally_category: 'Bug fix', x_tally_coverage: 'review', x_tally_reason: 'Held' };
const BILLED = { x_tally_category: 'Bug fix', x_tally_coverage: 'billable', x_tally_reason: 'B' };

const pack = (saleLineId: number, current: number, wanted: number) => ({
  saleLineId,
  current,
  wanted,
});

/** A writer that records each write as `model ids values`. */
function recordingWriter() {
  const calls: string[] = [];
  const api = (model: string) =>
    ({
      write: async (ids: number[], values: Record<string, unknown>) => {
        calls.push(`${model} ${ids.join(',')} ${JSON.stringify(values)}`);
      },
    }) as unknown as ModelApi;
  return { calls, writer: { model: api } };
}

describe('DeferredWrites: what a run of several months writes at its end', () => {
  it('writes a mark repeated month after month in one call for the whole run', () => {
    const deferred = new DeferredWrites();
    deferred.add([1, 2], new Map([[1, HELD]]), []);
    deferred.add([3, 4], new Map([[3, HELD]]), []);
    deferred.add([5], new Map([[5, HELD]]), []);
    expect(deferred.planned()).toEqual([
      { model: 'account.analytic.line', ids: [1, 3, 5], values: HELD },
    ]);
  });

  it("lets a later month's verdict on a timesheet replace an earlier one, even a verdict of no write", () => {
    const deferred = new DeferredWrites();
    deferred.add(
      [1, 2],
      new Map([
        [1, HELD],
        [2, HELD],
      ]),
      [],
    );
    // A later month classified 1 again (its invoice carries the mark now) and 2 differently.
    deferred.add([1, 2], new Map([[2, BILLED]]), []);
    expect(deferred.planned()).toEqual([
      { model: 'account.analytic.line', ids: [2], values: BILLED },
    ]);
  });

  it("writes each pack's last delivered quantity once, and nothing when it is already right", () => {
    const deferred = new DeferredWrites();
    deferred.add([], new Map(), [pack(7, 0, 3.5), pack(8, 0, 1)]);
    deferred.add([], new Map(), [pack(7, 0, 9.25), pack(8, 0, 0)]);
    expect(deferred.planned()).toEqual([
      { model: 'sale.order.line', ids: [7], values: { qty_delivered: 9.25 } },
    ]);
  });

  it('makes the owed writes on flush and owes nothing after', async () => {
    const deferred = new DeferredWrites();
    deferred.add([1], new Map([[1, HELD]]), [pack(7, 2, 4)]);
    const { calls, writer } = recordingWriter();
    const applied = await deferred.flush(writer, '2026-01-31');
    expect(calls).toEqual([
      `account.analytic.line 1 ${JSON.stringify(HELD)}`,
      'sale.order.line 7 {"qty_delivered":4}',
    ]);
    expect(applied).toMatchObject({ calls: 2, recordsWritten: 2 });
    expect(deferred.planned()).toEqual([]);
  });
});

describe('groupMarks: marks no draft carries', () => {
  const stampedMark = (stamp: string) => ({ ...HELD, x_tally_stamp: stamp });
  const carriers = {
    ticketField: 'timesheet_ids',
    ticketOf: new Map([
      [1, 10],
      [2, 10],
      [3, 10],
      [4, 11],
    ]),
  };

  it("rides each line's own stamp in one write of its ticket, and writes a lone line directly", () => {
    const marks = new Map([
      [3, stampedMark('v1:c')],
      [1, stampedMark('v1:a')],
      [2, stampedMark('v1:b')],
      [4, stampedMark('v1:d')],
    ]);
    expect(groupMarks(marks, new Set(), carriers)).toEqual([
      {
        model: 'helpdesk.ticket',
        ids: [10],
        values: {
          timesheet_ids: [
            [1, 1, stampedMark('v1:a')],
            [1, 2, stampedMark('v1:b')],
            [1, 3, stampedMark('v1:c')],
          ],
        },
      },
      { model: 'account.analytic.line', ids: [4], values: stampedMark('v1:d') },
    ]);
  });

  it('still writes identical values in one call, skips what rides on a draft, and needs no ticket o2m', () => {
    const marks = new Map([
      [1, HELD],
      [2, HELD],
      [3, stampedMark('v1:c')],
      [4, stampedMark('v1:d')],
    ]);
    expect(groupMarks(marks, new Set([4]), carriers)).toEqual([
      { model: 'account.analytic.line', ids: [1, 2], values: HELD },
      { model: 'account.analytic.line', ids: [3], values: stampedMark('v1:c') },
    ]);
    expect(groupMarks(marks, new Set(), null)).toHaveLength(3);
  });
});
