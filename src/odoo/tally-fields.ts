/**
 * The custom `x_` fields Tally owns in Odoo, declared once: `tally setup` creates them through
 * ir.model.fields, the writer fills them, the reader finds Tally's drafts and lines by them.
 */
export interface TallyFieldDefinition {
  readonly model: string;
  readonly name: `x_tally_${string}`;
  readonly label: string;
  readonly type: 'char' | 'text' | 'selection' | 'many2one' | 'one2many';
  readonly relation?: string;
  /** For one2many: the many2one on `relation` that points back (created before this field). */
  readonly relationField?: string;
  /** Whether Odoo keeps a database index on it (fields Tally searches by). */
  readonly index?: boolean;
  /** Selection values as (key, label) pairs. */
  readonly selection?: readonly (readonly [string, string])[];
  readonly help: string;
}

export const TIMESHEET_COVERAGE_VALUES = [
  ['covered', 'Covered by agreement'],
  ['prepaid', 'Drawn from prepaid pack'],
  ['billable', 'Billed'],
  ['review', 'Needs review'],
] as const;

export type TimesheetCoverage = (typeof TIMESHEET_COVERAGE_VALUES)[number][0];

export const TALLY_FIELDS = {
  moveKey: {
    model: 'account.move',
    name: 'x_tally_key',
    label: 'Tally key',
    type: 'char',
    help: 'Which customer and period this Tally draft invoice is for (tally:v1:<customer>:<period>).',
  },
  moveNotices: {
    model: 'account.move',
    name: 'x_tally_notices',
    label: 'Tally notices',
    type: 'char',
    help: 'Keys of the activities Tally already scheduled for this invoice (so it never repeats one).',
  },
  moveLineKey: {
    model: 'account.move.line',
    name: 'x_tally_key',
    label: 'Tally line key',
    type: 'char',
    help: 'Stable key of the invoice line Tally keeps up to date; do not edit.',
  },
  moveLineTicket: {
    model: 'account.move.line',
    name: 'x_tally_ticket_id',
    label: 'Tally ticket',
    type: 'many2one',
    relation: 'helpdesk.ticket',
    index: true,
    help: 'The helpdesk ticket whose time this line bills; Tally finds a ticket’s earlier billing by it.',
  },
  timesheetCategory: {
    model: 'account.analytic.line',
    name: 'x_tally_category',
    label: 'Tally category',
    type: 'char',
    help: 'The category of work Tally classified this line as.',
  },
  timesheetCoverage: {
    model: 'account.analytic.line',
    name: 'x_tally_coverage',
    label: 'Tally coverage',
    type: 'selection',
    selection: TIMESHEET_COVERAGE_VALUES,
    help: 'Whether the agreement covers this time, a prepaid pack pays it, it is billed, or it needs review.',
  },
  timesheetReason: {
    model: 'account.analytic.line',
    name: 'x_tally_reason',
    label: 'Tally reason',
    type: 'char',
    help: 'Why Tally classified this line as it did.',
  },
  timesheetStamp: {
    model: 'account.analytic.line',
    name: 'x_tally_stamp',
    label: 'Tally stamp',
    type: 'char',
    help: 'A fingerprint of the hours, date, description and ticket this line was billed with; Tally re-plans the line only when it no longer matches. Do not edit.',
  },
  timesheetInvoiceLine: {
    model: 'account.analytic.line',
    name: 'x_tally_invoice_line_id',
    label: 'Tally invoice line',
    type: 'many2one',
    relation: 'account.move.line',
    help: 'The invoice line that carries this time.',
  },
  timesheetMove: {
    model: 'account.analytic.line',
    name: 'x_tally_move_id',
    label: 'Tally invoice (not on a line)',
    type: 'many2one',
    relation: 'account.move',
    help: 'The Tally invoice that accounts for this time although none of its lines charges it: held for review, or already paid by an earlier minimum charge.',
  },
  moveLineTimesheets: {
    model: 'account.move.line',
    name: 'x_tally_timesheet_ids',
    label: 'Tally timesheets',
    type: 'one2many',
    relation: 'account.analytic.line',
    relationField: 'x_tally_invoice_line_id',
    help: 'The timesheet lines this invoice line carries (linked in the same write as the line).',
  },
  moveTimesheets: {
    model: 'account.move',
    name: 'x_tally_timesheet_ids',
    label: 'Tally time not on a line',
    type: 'one2many',
    relation: 'account.analytic.line',
    relationField: 'x_tally_move_id',
    help: 'The customer’s time of this month that no line charges (held for review, or already paid), linked in the same write as the invoice.',
  },
  ticketReview: {
    model: 'helpdesk.ticket',
    name: 'x_tally_review',
    label: 'Tally review',
    type: 'char',
    help: 'Why some of this ticket’s time is held back from invoicing until someone decides.',
  },
  ticketNotices: {
    model: 'helpdesk.ticket',
    name: 'x_tally_notices',
    label: 'Tally notices',
    type: 'char',
    help: 'Keys of the activities Tally already scheduled for this ticket (so it never repeats one).',
  },
  partnerNotices: {
    model: 'res.partner',
    name: 'x_tally_notices',
    label: 'Tally notices',
    type: 'char',
    help: 'Keys of the activities Tally already scheduled for this customer (so it never repeats one).',
  },
} as const satisfies Record<string, TallyFieldDefinition>;

export type TallyFieldKey = keyof typeof TALLY_FIELDS;
