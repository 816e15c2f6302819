import type { TallyMoveLine } from '../../odoo/records/tally-invoice';
import type { DesiredLine } from './desired-invoice';
import { QUANTITY_DECIMALS } from './desired-invoice';

/** An Odoo x2many command: create, update, delete, unlink, link. */
export type X2ManyCommand =
  | readonly [0, 0, Record<string, unknown>]
  | readonly [1, number, Record<string, unknown>]
  | readonly [2, number]
  | readonly [3, number]
  | readonly [4, number];

export interface InvoiceDiff {
  /** Commands for `invoice_line_ids`, in the order Odoo should apply them. */
  readonly commands: readonly X2ManyCommand[];
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
}

/** New timesheet marks by timesheet id, written with the line that carries them. */
export type MarkChanges = ReadonlyMap<number, Record<string, unknown>>;

const NO_MARKS: MarkChanges = new Map();

/** `update` commands that write the carried timesheets' marks in the invoice's own call. */
export function markCommands(ids: readonly number[], marks: MarkChanges): X2ManyCommand[] {
  return ids.flatMap((id) => {
    const values = marks.get(id);
    return values === undefined ? [] : [[1, id, values] as const];
  });
}

/** Values of a new line, with its timesheets linked (and their marks written) in the same command. */
export function newLineValues(
  line: DesiredLine,
  marks: MarkChanges = NO_MARKS,
): Record<string, unknown> {
  const links: X2ManyCommand[] = [
    ...line.timesheetIds.map((id) => [4, id] as const),
    ...markCommands(line.timesheetIds, marks),
  ];
  return {
    ...comparableValues(line),
    x_tally_key: line.key,
    ...(line.taxIds !== undefined ? { tax_ids: [[6, 0, [...line.taxIds]]] } : {}),
    ...(links.length > 0 ? { x_tally_timesheet_ids: links } : {}),
  };
}

function comparableValues(line: DesiredLine): Record<string, unknown> {
  if (line.displayType === 'line_section') {
    return {
      display_type: 'line_section',
      name: line.name,
      sequence: line.sequence,
      x_tally_ticket_id: line.ticketId ?? false,
    };
  }
  return {
    display_type: 'product',
    x_tally_ticket_id: line.ticketId ?? false,
    name: line.name,
    sequence: line.sequence,
    product_id: line.productId ?? false,
    quantity: line.quantity,
    price_unit: line.priceUnit,
    discount: line.discount,
  };
}

/** The fields of `existing` that differ from `desired`, with tolerances for Odoo's rounding. */
function changedValues(
  existing: TallyMoveLine,
  desired: DesiredLine,
  priceTolerance: number,
): Record<string, unknown> {
  const wanted = comparableValues(desired);
  const changed: Record<string, unknown> = {};
  const current: Record<string, unknown> = {
    display_type: existing.display_type ?? 'product',
    x_tally_ticket_id: existing.x_tally_ticket_id?.id ?? false,
    name: existing.name ?? '',
    sequence: existing.sequence,
    product_id: existing.product_id?.id ?? false,
    quantity: existing.quantity,
    price_unit: existing.price_unit,
    discount: existing.discount,
  };
  const quantityTolerance = 0.5 / 10 ** QUANTITY_DECIMALS;
  for (const [field, value] of Object.entries(wanted)) {
    const now = current[field];
    const same =
      typeof value === 'number' && typeof now === 'number'
        ? Math.abs(value - now) <
          (field === 'price_unit'
            ? priceTolerance
            : field === 'quantity'
              ? quantityTolerance
              : 1e-9)
        : value === now;
    if (!same) changed[field] = value;
  }
  return changed;
}

/**
 * The commands that turn a draft's keyed lines into the desired ones. Lines without a key (added
 * by hand in Odoo) are never touched; keyed lines no longer wanted are deleted; a key found on two
 * lines (a duplicate) keeps the oldest. Timesheet links move with `link` commands only, and a
 * timesheet is unlinked only when no line of this run carries it any more (Odoo's unlink clears
 * the link whoever holds it), so the order of commands and of drafts can never drop a link that
 * was just made.
 */
export function diffInvoiceLines(
  existing: readonly TallyMoveLine[],
  desired: readonly DesiredLine[],
  currencyDecimals: number,
  marks: MarkChanges = NO_MARKS,
  /** Timesheets any draft of the run carries (see InvoiceWriteContext.linkedInRun). */
  carriedInRun: ReadonlySet<number> = new Set(desired.flatMap((line) => line.timesheetIds)),
): InvoiceDiff {
  const priceTolerance = 0.5 / 10 ** currencyDecimals;
  const byKey = new Map<string, TallyMoveLine>();
  const commands: X2ManyCommand[] = [];
  let removed = 0;
  for (const line of [...existing].sort((a, b) => a.id - b.id)) {
    if (line.x_tally_key === null) continue;
    if (byKey.has(line.x_tally_key)) {
      commands.push([2, line.id]);
      removed += 1;
    } else byKey.set(line.x_tally_key, line);
  }
  const wantedKeys = new Set(desired.map((line) => line.key));
  for (const [key, line] of byKey) {
    if (!wantedKeys.has(key)) {
      commands.push([2, line.id]);
      removed += 1;
    }
  }
  let created = 0;
  let updated = 0;
  for (const line of desired) {
    const current = byKey.get(line.key);
    if (current === undefined) {
      commands.push([0, 0, newLineValues(line, marks)]);
      created += 1;
      continue;
    }
    const values = changedValues(current, line, priceTolerance);
    const linked = new Set(current.x_tally_timesheet_ids);
    const links: X2ManyCommand[] = [
      ...line.timesheetIds.filter((id) => !linked.has(id)).map((id) => [4, id] as const),
      ...current.x_tally_timesheet_ids
        .filter((id) => !carriedInRun.has(id))
        .map((id) => [3, id] as const),
      ...markCommands(line.timesheetIds, marks),
    ];
    if (links.length > 0) values.x_tally_timesheet_ids = links;
    if (Object.keys(values).length > 0) {
      commands.push([1, current.id, values]);
      updated += 1;
    }
  }
  return { commands, created, updated, removed };
}
