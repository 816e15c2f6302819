import type { PrepaidPack } from '../domain/facts';
import type { Minutes, Period } from '../domain/types';
import { customerId, minutes } from '../domain/types';
import type { TallyMove } from '../odoo/records/tally-invoice';
import type { SyncProblem } from './map/mapped';
import type { OdooReader } from './read/odoo-reader';
import { readLedger } from './read/read-ledger';
import { readPreTallyUse } from './read/read-pre-tally-use';
import type { PeriodFacts } from './read-period';
import { buildLedger, drawnFromPack, type LedgerEntry } from './write/billing-ledger';
import { parseInvoiceKey } from './write/invoice-key';

/** What earlier billing says, for planning one period. */
export interface BillingState {
  readonly ledger: readonly LedgerEntry[];
  /** `<customer>:<YYYY-MM>` of every Tally invoice of the period's customers. */
  readonly invoiced: ReadonlySet<string>;
  /** The same, of invoices finance posted or cancelled: Tally never changes those months again. */
  readonly closed: ReadonlySet<string>;
  /** Per pack id, minutes used the Odoo way before Tally invoiced those months. */
  readonly preTally: ReadonlyMap<string, Minutes>;
  /** The period's packs with their opening balance as the invoices and earlier use leave it. */
  readonly packs: readonly PrepaidPack[];
}

/**
 * A customer with a Tally draft in the period is always planned, even when nothing of theirs was
 * read (their agreement ended, say): the plan is then empty and the stale draft goes.
 */
export function withDraftCustomers(facts: PeriodFacts, moves: readonly TallyMove[]): PeriodFacts {
  const known = new Set(facts.customers.map((customer) => customer.id));
  const extra = new Map<number, PeriodFacts['customers'][number]>();
  for (const move of moves) {
    if (move.partner_id === null || known.has(customerId(move.partner_id.id))) continue;
    extra.set(move.partner_id.id, {
      id: customerId(move.partner_id.id),
      name: move.partner_id.name,
      companyId: null,
      currency: null,
    });
  }
  return extra.size === 0
    ? facts
    : { ...facts, customers: [...facts.customers, ...extra.values()] };
}

/** Reads Tally's invoices of the period's customers and the packs' earlier use (batched). */
export async function readBillingState(
  client: OdooReader,
  facts: PeriodFacts,
  period: Period,
): Promise<BillingState & { problems: SyncProblem[] }> {
  const history = await readLedger(client, {
    customerIds: facts.customers.map((customer) => Number(customer.id)),
    ticketIds: facts.tickets.map((ticket) => Number(ticket.id)),
    packs: facts.packs.map((pack) => ({
      id: Number(pack.id),
      customerId: Number(pack.customerId),
    })),
  });
  const ledger = buildLedger(history.moves, history.lines);
  const monthOf = (move: (typeof history.moves)[number]) => {
    const key = parseInvoiceKey(move.x_tally_key);
    return key === null ? [] : [`${key.customerId}:${key.period}`];
  };
  const invoiced = new Set(history.moves.flatMap(monthOf));
  const closed = new Set(history.moves.filter((move) => move.state !== 'draft').flatMap(monthOf));
  const packOwner = new Map(facts.packs.map((pack) => [pack.id as string, pack.customerId]));
  const preTally = await readPreTallyUse(
    client,
    facts.odoo.packSaleLines.flatMap((line) => {
      const owner = packOwner.get(String(line.id));
      return owner === undefined ? [] : [{ ...line, customerId: owner }];
    }),
    period,
    invoiced,
  );
  const packs = facts.packs.map((pack) => ({
    ...pack,
    openingBalance: minutes(
      pack.purchased - drawnFromPack(ledger, pack.id, period) - (preTally.get(pack.id) ?? 0),
    ),
  }));
  return { ledger, invoiced, closed, preTally, packs, problems: history.problems };
}
