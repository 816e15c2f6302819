import { describeWrites, formatPlannedWrite } from '../../../../src/sync/write/describe-writes';
import type { WritePlan } from '../../../../src/sync/write/write-plan';

const EMPTY: WritePlan = {
  createMoves: [],
  updateMoves: [],
  unlinkMoves: [],
  groupWrites: [],
  activities: [],
  noticeWrites: [],
  closed: [],
};

const names = new Map([[4, 'Acme AB']]);
const nameOf = (id: number): string => names.get(id) ?? 'customer';

describe('describeWrites', () => {
  it('lists each write in the order the sync makes them, with model, action, records and fields', () => {
    const plan: WritePlan = {
      ...EMPTY,
      unlinkMoves: [90],
      createMoves: [
        {
          customerId: 4,
          key: 'tally:v1:4:2026-10',
          values: { move_type: 'out_invoice', partner_id: 4, invoice_line_ids: [] },
          lines: 3,
        },
      ],
      updateMoves: [
        {
          customerId: 4,
          moveId: 12,
          values: { invoice_line_ids: [] },
          created: 1,
          updated: 2,
          removed: 0,
        },
      ],
      groupWrites: [
        { model: 'account.analytic.line', ids: [5, 6], values: { x_tally_coverage: 'billable' } },
      ],
      activities: [
        {
          model: 'helpdesk.ticket',
          recordId: 31,
          userId: 2,
          noticeKey: 'k',
          summary: 'Tally: time held for review',
          note: '<p>…</p>',
        },
      ],
      noticeWrites: [{ model: 'helpdesk.ticket', ids: [31], values: { x_tally_notices: 'k' } }],
    };
    expect(describeWrites(plan, nameOf).map(formatPlannedWrite)).toEqual([
      'unlink account.move 90 (a Tally draft that duplicates another or has no line left)',
      'create account.move: move_type, partner_id, invoice_line_ids (draft for Acme AB (4), key tally:v1:4:2026-10, 3 line(s))',
      'write account.move 12: invoice_line_ids (draft of Acme AB (4): 1 line(s) added, 2 changed, 0 removed)',
      'write account.analytic.line 5, 6: x_tally_coverage',
      'create mail.activity: res_model_id, res_id, user_id, summary, note, date_deadline (on helpdesk.ticket 31 for user 2: Tally: time held for review)',
      'write helpdesk.ticket 31: x_tally_notices',
    ]);
  });

  it('writes nothing for an empty plan', () => {
    expect(describeWrites(EMPTY, nameOf)).toEqual([]);
  });

  it('shows the first ids of a long list and counts the rest', () => {
    const ids = Array.from({ length: 20 }, (_, index) => index + 1);
    const [write] = describeWrites(
      {
        ...EMPTY,
        groupWrites: [{ model: 'account.analytic.line', ids, values: { x_tally_move_id: 7 } }],
      },
      nameOf,
    );
    expect(write?.ids).toEqual(ids);
    expect(formatPlannedWrite(write!)).toBe(
      'write account.analytic.line 1, 2, 3, 4, 5, 6, 7, 8 and 12 more: x_tally_move_id',
    );
  });
});
