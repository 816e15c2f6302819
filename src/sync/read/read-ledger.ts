import { z } from 'zod';
import { LINE_KEY_VERSION } from '../../domain/line-key';
import { and, or, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { many2one, optionalText } from '../../odoo/records/odoo-values';
import { MOVE_STATES } from '../../odoo/records/account-move';
import type { SyncProblem } from '../map/mapped';
import { CHARGED_KINDS } from '../write/billing-ledger';
import { searchByIdsParsed, type OdooReader } from './odoo-reader';

const LedgerMoveSchema = z.object({
  id: z.number().int().positive(),
  name: optionalText,
  partner_id: many2one,
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

/** What a period's plan needs from earlier billing. */
export interface LedgerQuery {
  /** The period's customers: their Tally invoices, all periods (which months were invoiced). */
  readonly customerIds: readonly number[];
  /** The period's tickets: every line that charged their time, whenever. */
  readonly ticketIds: readonly number[];
  /** The period's packs (sale line ids) and their owners: every drawdown from them. */
  readonly packs: readonly { readonly id: number; readonly customerId: number }[];
}

const LINE_SPEC = {
  model: MODELS.accountMoveLine,
  schema: LedgerLineSchema,
  fields: ['move_id', 'x_tally_key', 'quantity'],
} as const;

/**
 * Tally's invoices of the period's customers (all periods, three fields each), and of their lines
 * only those the plan needs: the charges of the period's tickets (found by `x_tally_ticket_id`,
 * an indexed field) and the drawdowns of its packs. What is read grows with the period's work and
 * the number of months invoiced, not with every line Tally ever wrote.
 */
export async function readLedger(reader: OdooReader, query: LedgerQuery): Promise<LedgerRecords> {
  const moves = await searchByIdsParsed(
    reader,
    {
      model: MODELS.accountMove,
      schema: LedgerMoveSchema,
      fields: ['name', 'state', 'x_tally_key', 'partner_id'],
    },
    'partner_id',
    query.customerIds,
    and(
      where('move_type', '=', 'out_invoice'),
      where('x_tally_key', '=like', `tally:${LINE_KEY_VERSION}:%`),
    ),
  );
  const ticketLines = await searchByIdsParsed(
    reader,
    LINE_SPEC,
    'x_tally_ticket_id',
    query.ticketIds,
    or(
      ...CHARGED_KINDS.map((kind) =>
        where('x_tally_key', '=like', `tally:${LINE_KEY_VERSION}:%:%:%:${kind}:%`),
      ),
    ),
  );
  const packOwners = new Set(query.packs.map((pack) => pack.customerId));
  const packLines =
    query.packs.length === 0
      ? { records: [], problems: [] }
      : await searchByIdsParsed(
          reader,
          LINE_SPEC,
          'move_id',
          moves.records
            .filter((move) => move.partner_id !== null && packOwners.has(move.partner_id.id))
            .map((move) => move.id),
          or(
            ...query.packs.map((pack) =>
              where('x_tally_key', '=like', `tally:${LINE_KEY_VERSION}:%:drawdown:${pack.id}`),
            ),
          ),
        );
  const lines = new Map(
    [...ticketLines.records, ...packLines.records].map((line) => [line.id, line]),
  );
  return {
    moves: moves.records,
    lines: [...lines.values()],
    problems: [...moves.problems, ...ticketLines.problems, ...packLines.problems],
  };
}
