import { z } from 'zod';
import { LINE_KEY_VERSION } from '../../domain/line-key';
import { and, or, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { optionalText } from '../../odoo/records/odoo-values';
import { MOVE_STATES } from '../../odoo/records/account-move';
import type { SyncProblem } from '../map/mapped';
import { CHARGED_KINDS } from '../write/billing-ledger';
import { searchByIdsParsed, type OdooReader } from './odoo-reader';

const LedgerMoveSchema = z.object({
  id: z.number().int().positive(),
  name: optionalText,
  state: z.enum(MOVE_STATES),
  x_tally_key: z.string().min(1),
});

const LedgerLineSchema = z.object({
  id: z.number().int().positive(),
  move_id: z.tuple([z.number().int().positive(), z.string()]).transform((value) => value[0]),
  x_tally_key: optionalText,
  quantity: z.number(),
});

export interface LedgerRecords {
  readonly moves: z.infer<typeof LedgerMoveSchema>[];
  /** Only lines that charge time (billed, drawdown, correction), with the three fields needed. */
  readonly lines: z.infer<typeof LedgerLineSchema>[];
  readonly problems: SyncProblem[];
}

/**
 * Every Tally invoice of these customers and its charging lines, all periods: the billing history
 * and pack use. Narrow on purpose: it grows with the history, so it asks for no section, covered
 * line or field it does not need.
 */
export async function readLedger(
  reader: OdooReader,
  customerIds: readonly number[],
): Promise<LedgerRecords> {
  const moves = await searchByIdsParsed(
    reader,
    {
      model: MODELS.accountMove,
      schema: LedgerMoveSchema,
      fields: ['name', 'state', 'x_tally_key'],
    },
    'partner_id',
    customerIds,
    and(
      where('move_type', '=', 'out_invoice'),
      where('x_tally_key', '=like', `tally:${LINE_KEY_VERSION}:%`),
    ),
  );
  const lines = await searchByIdsParsed(
    reader,
    {
      model: MODELS.accountMoveLine,
      schema: LedgerLineSchema,
      fields: ['move_id', 'x_tally_key', 'quantity'],
    },
    'move_id',
    moves.records.map((move) => move.id),
    or(
      ...CHARGED_KINDS.map((kind) =>
        where('x_tally_key', '=like', `tally:${LINE_KEY_VERSION}:%:%:%:${kind}:%`),
      ),
    ),
  );
  return {
    moves: moves.records,
    lines: lines.records,
    problems: [...moves.problems, ...lines.problems],
  };
}
