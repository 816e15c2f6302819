import type { Sandbox } from '../../src/sandbox/server';

type Row = Record<string, unknown>;

const m2oId = (value: unknown): number | false =>
  Array.isArray(value) ? (value[0] as number) : false;

/**
 * Everything Tally owns in the sandbox, without database ids (which differ between a run that
 * crashed and one that did not): drafts by key with their lines by key, timesheet marks and the
 * key of the line carrying each timesheet (or of the draft holding it uncharged), pack
 * deliveries, review notes, notices and activities.
 */
export function tallyState(sandbox: Sandbox) {
  const store = sandbox.store;
  const moves = store.searchRead(
    'account.move',
    [['x_tally_key', '!=', false]],
    ['x_tally_key', 'state', 'partner_id', 'invoice_line_ids'],
  ) as Row[];
  const lines = store.searchRead(
    'account.move.line',
    [['x_tally_key', '!=', false]],
    [
      'x_tally_key',
      'move_id',
      'name',
      'quantity',
      'price_unit',
      'discount',
      'sequence',
      'display_type',
    ],
  ) as Row[];
  const keyOfLine = new Map(lines.map((line) => [line.id as number, line.x_tally_key as string]));
  const keyOfMove = new Map(moves.map((move) => [move.id as number, move.x_tally_key as string]));
  const timesheets = store.searchRead(
    'account.analytic.line',
    [],
    [
      'x_tally_category',
      'x_tally_coverage',
      'x_tally_reason',
      'x_tally_invoice_line_id',
      'x_tally_move_id',
      'timesheet_invoice_id',
    ],
  ) as Row[];
  return {
    invoices: moves
      .map((move) => ({
        key: move.x_tally_key,
        state: move.state,
        customer: m2oId(move.partner_id),
        lines: lines
          .filter((line) => m2oId(line.move_id) === move.id)
          .sort((a, b) => (a.sequence as number) - (b.sequence as number))
          .map((line) => [
            line.x_tally_key,
            line.name,
            line.quantity,
            line.price_unit,
            line.discount,
          ]),
        handAdded:
          (move.invoice_line_ids as number[]).length -
          lines.filter((line) => m2oId(line.move_id) === move.id).length,
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    duplicateKeys: moves.length - new Set(moves.map((move) => move.x_tally_key)).size,
    timesheets: timesheets
      .map((line) => ({
        id: line.id,
        category: line.x_tally_category,
        coverage: line.x_tally_coverage,
        reason: line.x_tally_reason,
        carriedBy: keyOfLine.get(m2oId(line.x_tally_invoice_line_id) as number) ?? false,
        /** The draft that accounts for time no line charges (held, or already paid). */
        unchargedOn: keyOfMove.get(m2oId(line.x_tally_move_id) as number) ?? false,
        invoice: keyOfMove.get(m2oId(line.timesheet_invoice_id) as number) ?? false,
      }))
      .sort((a, b) => (a.id as number) - (b.id as number)),
    packs: (
      store.searchRead(
        'sale.order.line',
        [['product_id.default_code', 'like', 'SUPPORT-PACK']],
        ['qty_delivered', 'remaining_hours'],
      ) as Row[]
    ).map((line) => [line.id, line.qty_delivered, line.remaining_hours]),
    tickets: (
      store.searchRead('helpdesk.ticket', [], ['x_tally_review', 'x_tally_notices']) as Row[]
    ).filter((ticket) => ticket.x_tally_review !== false || ticket.x_tally_notices !== false),
    activities: (
      store.searchRead('mail.activity', [], ['res_model', 'res_id', 'summary', 'user_id']) as Row[]
    )
      .map((activity) => [
        activity.res_model,
        activity.res_id,
        activity.summary,
        m2oId(activity.user_id),
      ])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}
