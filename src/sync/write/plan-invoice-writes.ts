import type { InvoicePlan } from '../../domain/plan-types';
import type { TallyMove, TallyMoveLine } from '../../odoo/records/tally-invoice';
import type { DesiredLine, InvoiceProducts } from './desired-invoice';
import { desiredLines } from './desired-invoice';
import {
  diffInvoiceLines,
  markCommands,
  newLineValues,
  type MarkChanges,
  type X2ManyCommand,
} from './diff-invoice';
import { invoiceKey } from './invoice-key';
import type { ClosedInvoice, MoveCreate, MoveUpdate } from './write-plan';

export interface InvoiceWriteContext {
  readonly products: InvoiceProducts;
  readonly currencyDecimals: number;
  /** Whether timesheets have `timesheet_invoice_id` (sale_timesheet is installed). */
  readonly linkTimesheetInvoice: boolean;
  /** What the run's open drafts link (linksInRun); by default only this draft's own. */
  readonly linkedInRun?: RunLinks;
}

/**
 * Timesheets the open drafts of one run link: carried by a line, or held by the draft uncharged.
 * A draft releases a timesheet only when no draft of the run takes it: Odoo's unlink command
 * clears a link whoever holds it, so a release written after another draft linked the timesheet
 * would undo that link.
 */
export interface RunLinks {
  readonly carried: ReadonlySet<number>;
  readonly uncharged: ReadonlySet<number>;
}

export interface InvoiceWrites {
  readonly create: MoveCreate | null;
  readonly update: MoveUpdate | null;
  readonly unlink: readonly number[];
  readonly closed: ClosedInvoice | null;
  /** Line key → the timesheets it carries (for marking the timesheets). */
  readonly desired: readonly DesiredLine[];
  /** Timesheets whose new marks ride in this invoice's create or write (no call of their own). */
  readonly marked: readonly number[];
}

/**
 * The writes that make one customer's invoice for the period match its plan. A posted or
 * cancelled invoice is never touched (its changes reach the next draft as corrections); duplicate
 * drafts of one key, which only an interrupted create can leave, are deleted, oldest kept.
 */
export function planInvoiceWrites(
  plan: InvoicePlan,
  existing: { moves: readonly TallyMove[]; lines: readonly TallyMoveLine[] },
  context: InvoiceWriteContext,
  marks: MarkChanges = new Map(),
  /** The plan's lines when the caller already built them (desiredLines). */
  desired: readonly DesiredLine[] = desiredLines(plan, context.products, context.currencyDecimals),
): InvoiceWrites {
  const customerId = Number(plan.customerId);
  const key = invoiceKey(plan.customerId, plan.period);
  const mine = existing.moves
    .filter((move) => move.x_tally_key === key && move.state !== 'cancel')
    .sort((a, b) => a.id - b.id);
  const drafts = mine.filter((move) => move.state === 'draft');
  const none = { create: null, update: null, unlink: [] as number[], desired, marked: [] };
  const uncharged = unchargedTimesheets(plan, desired);
  const ridingMarks = [...desired.flatMap((line) => line.timesheetIds), ...uncharged].filter((id) =>
    marks.has(id),
  );
  const links = context.linkedInRun ?? {
    carried: new Set(desired.flatMap((line) => line.timesheetIds)),
    uncharged: new Set(uncharged),
  };

  const closedMove = closedInvoice(plan, existing.moves);
  if (closedMove !== null) {
    return {
      ...none,
      unlink: drafts.map((move) => move.id),
      closed: {
        customerId,
        moveId: closedMove.id,
        name: closedMove.name,
        state: closedMove.state === 'posted' ? 'posted' : 'cancel',
      },
    };
  }
  const [draft, ...duplicates] = drafts;
  const carried = desired.flatMap((line) => line.timesheetIds);
  if (draft === undefined) {
    if (desired.length === 0) return { ...none, closed: null };
    return {
      ...none,
      closed: null,
      marked: ridingMarks,
      create: {
        customerId,
        key,
        lines: desired.length,
        values: {
          move_type: 'out_invoice',
          partner_id: customerId,
          x_tally_key: key,
          invoice_line_ids: desired.map((line) => [0, 0, newLineValues(line, marks)]),
          ...(uncharged.length > 0
            ? { x_tally_timesheet_ids: unchargedLinks(uncharged, [], marks, links.uncharged) }
            : {}),
          ...(context.linkTimesheetInvoice && carried.length > 0
            ? { timesheet_ids: carried.map((id) => [4, id]) }
            : {}),
        },
      },
    };
  }
  const { update, unlink, deleted } = updateDraft(draft, duplicates, existing.lines, {
    desired,
    uncharged,
    carried,
    marks,
    links,
    context,
    customerId,
  });
  // A deleted draft carries no marks: theirs are written apart.
  return { ...none, closed: null, update, unlink, marked: deleted ? [] : ridingMarks };
}

/**
 * The write that brings an existing draft to the plan (line commands, links of uncharged and
 * invoiced timesheets) and the duplicates of its key to delete; or the draft itself to delete
 * when nothing is left on it, not even lines finance added by hand.
 */
function updateDraft(
  draft: TallyMove,
  duplicates: readonly TallyMove[],
  lines: readonly TallyMoveLine[],
  input: {
    desired: readonly DesiredLine[];
    uncharged: readonly number[];
    carried: readonly number[];
    marks: MarkChanges;
    links: RunLinks;
    context: InvoiceWriteContext;
    customerId: number;
  },
): { update: MoveUpdate | null; unlink: number[]; deleted: boolean } {
  const { desired, uncharged, carried, marks, links, context, customerId } = input;
  const draftLines = lines.filter((line) => line.move_id === draft.id);
  const diff = diffInvoiceLines(
    draftLines,
    desired,
    context.currencyDecimals,
    marks,
    links.carried,
  );
  const unlink = duplicates.map((move) => move.id);
  const values: Record<string, unknown> = {};
  if (diff.commands.length > 0) values.invoice_line_ids = diff.commands;
  const unchargedCommands = unchargedLinks(
    uncharged,
    draft.x_tally_timesheet_ids,
    marks,
    links.uncharged,
  );
  if (unchargedCommands.length > 0) values.x_tally_timesheet_ids = unchargedCommands;
  if (context.linkTimesheetInvoice) {
    const invoiceLinks = timesheetInvoiceLinks(carried, draft.timesheet_ids ?? [], links.carried);
    if (invoiceLinks.length > 0) values.timesheet_ids = invoiceLinks;
  }
  const handAdded = draft.invoice_line_ids.length > draftLines.length;
  if (desired.length === 0 && !handAdded)
    return { update: null, unlink: [draft.id, ...unlink], deleted: true };
  return {
    unlink,
    deleted: false,
    update:
      Object.keys(values).length === 0
        ? null
        : {
            customerId,
            moveId: draft.id,
            values,
            created: diff.created,
            updated: diff.updated,
            removed: diff.removed,
          },
  };
}

/**
 * The period's timesheets of this customer that no line carries (held for review, or billable
 * time an earlier minimum charge already paid for). The draft links them itself, so their marks
 * ride in the invoice's own create or write instead of a call per distinct mark.
 */
export function unchargedTimesheets(plan: InvoicePlan, desired: readonly DesiredLine[]): number[] {
  const carried = new Set(desired.flatMap((line) => line.timesheetIds));
  return plan.decisions
    .map((decision) => Number(decision.lineId))
    .filter((id) => !carried.has(id))
    .sort((a, b) => a - b);
}

/** Commands for the draft's `x_tally_timesheet_ids`: link, release, and write changed marks. */
function unchargedLinks(
  wanted: readonly number[],
  linked: readonly number[],
  marks: MarkChanges,
  unchargedInRun: ReadonlySet<number>,
): X2ManyCommand[] {
  const linkedSet = new Set(linked);
  return [
    ...wanted.filter((id) => !linkedSet.has(id)).map((id) => [4, id] as const),
    ...linked.filter((id) => !unchargedInRun.has(id)).map((id) => [3, id] as const),
    ...markCommands(wanted, marks),
  ];
}

/** The posted invoice of the plan's key, or its cancelled one when no other exists; else null. */
export function closedInvoice(plan: InvoicePlan, moves: readonly TallyMove[]): TallyMove | null {
  const key = invoiceKey(plan.customerId, plan.period);
  const mine = moves.filter((move) => move.x_tally_key === key);
  const posted = mine.find((move) => move.state === 'posted');
  if (posted !== undefined) return posted;
  const live = mine.filter((move) => move.state !== 'cancel');
  return live.length === 0 ? (mine.find((move) => move.state === 'cancel') ?? null) : null;
}

/** What the run's open drafts link (see RunLinks), from each plan's desired lines. */
export function linksInRun(
  plans: readonly { plan: InvoicePlan; desired: readonly DesiredLine[] }[],
  moves: readonly TallyMove[],
): RunLinks {
  const carried = new Set<number>();
  const uncharged = new Set<number>();
  for (const { plan, desired } of plans) {
    if (closedInvoice(plan, moves) !== null) continue;
    for (const line of desired) for (const id of line.timesheetIds) carried.add(id);
    for (const id of unchargedTimesheets(plan, desired)) uncharged.add(id);
  }
  return { carried, uncharged };
}

/**
 * `timesheet_ids` commands: link what the draft carries, release what it holds and no draft of
 * the run carries (read from the draft itself, so a timesheet whose date moved to another month
 * is released too).
 */
function timesheetInvoiceLinks(
  carried: readonly number[],
  onDraft: readonly number[],
  carriedInRun: ReadonlySet<number>,
): [3 | 4, number][] {
  const held = new Set(onDraft);
  return [
    ...carried.filter((id) => !held.has(id)).map((id): [4, number] => [4, id]),
    ...onDraft.filter((id) => !carriedInRun.has(id)).map((id): [3, number] => [3, id]),
  ];
}
