import type { Period } from '../../domain/types';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import {
  TALLY_MOVE_FIELDS,
  TALLY_MOVE_LINE_FIELDS,
  TallyMoveLineSchema,
  TallyMoveSchema,
  type TallyMove,
  type TallyMoveLine,
} from '../../odoo/records/tally-invoice';
import type { SyncProblem } from '../map/mapped';
import { searchAllParsed, searchByIdsParsed, type OdooReader } from './odoo-reader';

export interface TallyInvoices {
  readonly moves: TallyMove[];
  /** The moves' keyed lines (lines added by hand are not read). */
  readonly lines: TallyMoveLine[];
  readonly problems: SyncProblem[];
}

const MOVE_SPEC = {
  model: MODELS.accountMove,
  schema: TallyMoveSchema,
  fields: TALLY_MOVE_FIELDS,
} as const;

/**
 * Tally's invoices of one period (any customer, or one), with their keyed lines; with
 * `withTimesheetInvoiceLinks` (sale_timesheet installed) also the timesheets each one holds
 * through `timesheet_invoice_id`.
 */
export async function readPeriodInvoices(
  reader: OdooReader,
  period: Period,
  customerId?: number,
  options: { readonly withTimesheetInvoiceLinks?: boolean } = {},
): Promise<TallyInvoices> {
  const filter = and(
    where('move_type', '=', 'out_invoice'),
    where('x_tally_key', '=like', `tally:v1:${customerId ?? '%'}:${period}`),
  );
  const spec =
    options.withTimesheetInvoiceLinks === true
      ? { ...MOVE_SPEC, fields: [...MOVE_SPEC.fields, 'timesheet_ids'] }
      : MOVE_SPEC;
  return withLines(reader, await searchAllParsed(reader, spec, filter));
}

/** Every Tally invoice of these customers, all periods: their billing history. */
export async function readCustomerInvoices(
  reader: OdooReader,
  customerIds: readonly number[],
): Promise<TallyInvoices> {
  const moves = await searchByIdsParsed(
    reader,
    MOVE_SPEC,
    'partner_id',
    customerIds,
    and(where('move_type', '=', 'out_invoice'), where('x_tally_key', '=like', 'tally:v1:%')),
  );
  return withLines(reader, moves);
}

async function withLines(
  reader: OdooReader,
  moves: { records: TallyMove[]; problems: SyncProblem[] },
): Promise<TallyInvoices> {
  const lines = await searchByIdsParsed(
    reader,
    { model: MODELS.accountMoveLine, schema: TallyMoveLineSchema, fields: TALLY_MOVE_LINE_FIELDS },
    'move_id',
    moves.records.map((move) => move.id),
    where('x_tally_key', '!=', false),
  );
  return {
    moves: moves.records,
    lines: lines.records,
    problems: [...moves.problems, ...lines.problems],
  };
}
