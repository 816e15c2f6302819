/**
 * What the demo story leaves in an Odoo, as comparable rows with ids aside: Tally's drafts and
 * their lines, pack deliveries, the marks on every timesheet and the activities Tally scheduled.
 * Two runs of the story (the sandbox and a real Odoo) are compared row by row.
 */
import { where } from '../../odoo/filter';
import type { OdooClient } from '../../odoo/client';
import type { OdooRow } from '../../odoo/model-api';
import { MODELS } from '../../odoo/models';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { TALLY_FIELDS } from '../../odoo/tally-fields';
import { parseLineKey } from '../../domain/line-key';

/** Record ids a sentence names (`Timesheet 2785`, `partner_tags:33:`) differ between databases. */
const withoutIds = (sentence: string): string =>
  sentence.replace(/\b(Timesheet|Ticket|Invoice|Customer) \d+/g, '$1 #').replace(/:\d+:/g, ':#:');

/** Label → value; a label names the row by what a person sees, never by a database id. */
export type StorySnapshot = ReadonlyMap<string, string>;

const nameOf = (value: unknown): string =>
  Array.isArray(value) && typeof value[1] === 'string' ? value[1] : String(value ?? '');
const num = (value: unknown): string => (typeof value === 'number' ? value.toFixed(2) : '-');
const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';

async function readAll(
  client: OdooClient,
  model: string,
  filter: Parameters<ReturnType<OdooClient['model']>['searchReadAll']>[0],
  fields: readonly string[],
): Promise<OdooRow[]> {
  const rows: OdooRow[] = [];
  for await (const page of client.model(model).searchReadAll(filter, { fields, pageSize: 2000 }))
    rows.push(...page);
  return rows;
}

/** Adds a row, numbering labels that repeat (two identical timesheets, say). */
function put(rows: Map<string, string>, label: string, value: string): void {
  let unique = label;
  for (let n = 2; rows.has(unique); n += 1) unique = `${label} (${n})`;
  rows.set(unique, value);
}

/** Returns each Tally invoice's label by move id, for the activities that sit on it. */
async function invoiceRows(
  client: OdooClient,
  rows: Map<string, string>,
): Promise<ReadonlyMap<number, string>> {
  const lines = await readAll(
    client,
    MODELS.accountMoveLine,
    where(TALLY_FIELDS.moveLineKey.name, '!=', false),
    [
      'move_id',
      'sequence',
      'display_type',
      'name',
      'quantity',
      'price_unit',
      'discount',
      'product_id',
      TALLY_FIELDS.moveLineKey.name,
    ],
  );
  const moves = await readAll(
    client,
    MODELS.accountMove,
    where(TALLY_FIELDS.moveKey.name, '!=', false),
    ['partner_id', 'state', 'move_type', 'invoice_date', 'amount_untaxed'],
  );
  const labelOf = new Map<number, string>();
  for (const move of moves) {
    const first = lines.find((line) => Array.isArray(line.move_id) && line.move_id[0] === move.id);
    const period =
      parseLineKey(String(first?.[TALLY_FIELDS.moveLineKey.name] ?? ''))?.period ?? '?';
    const label = `${move.move_type === 'out_refund' ? 'credit note' : 'draft'} ${nameOf(move.partner_id)} ${period}`;
    labelOf.set(move.id, label);
    put(
      rows,
      label,
      `${String(move.state)}, dated ${String(move.invoice_date || 'not yet')}, untaxed ${num(move.amount_untaxed)}`,
    );
  }
  const ordered = [...lines].sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
  const position = new Map<string, number>();
  for (const line of ordered) {
    const move = Array.isArray(line.move_id) ? Number(line.move_id[0]) : 0;
    const label = labelOf.get(move) ?? `move of ${nameOf(line.move_id)}`;
    const n = (position.get(label) ?? 0) + 1;
    position.set(label, n);
    put(
      rows,
      `${label} line ${n}`,
      [
        String(line.display_type),
        text(line.name),
        nameOf(line.product_id),
        `qty ${num(line.quantity)}`,
        `price ${num(line.price_unit)}`,
        `discount ${num(line.discount)}`,
      ].join(' | '),
    );
  }
  return labelOf;
}

async function packRows(client: OdooClient, rows: Map<string, string>): Promise<void> {
  const lines = await readAll(
    client,
    MODELS.saleOrderLine,
    where('product_id.default_code', '=like', 'SUPPORT-PACK%'),
    ['order_partner_id', 'product_id', 'product_uom_qty', 'qty_delivered', 'state'],
  );
  for (const line of lines) {
    put(
      rows,
      `pack ${nameOf(line.order_partner_id)} ${nameOf(line.product_id)} of ${num(line.product_uom_qty)} h`,
      `${String(line.state)}, delivered ${num(line.qty_delivered)} h`,
    );
  }
}

async function timesheetRows(
  client: OdooClient,
  profile: FieldProfile,
  rows: Map<string, string>,
): Promise<void> {
  const ticket = profile.timesheetTicketField;
  const marks = [
    TALLY_FIELDS.timesheetCategory.name,
    TALLY_FIELDS.timesheetCoverage.name,
    TALLY_FIELDS.timesheetReason.name,
  ];
  const lines = await readAll(client, MODELS.analyticLine, where(ticket, '!=', false), [
    ticket,
    'date',
    'name',
    'unit_amount',
    ...marks,
  ]);
  const sorted = [...lines].sort((a, b) => a.id - b.id);
  for (const line of sorted) {
    put(
      rows,
      `timesheet ${nameOf(line[ticket])} ${String(line.date)} ${num(line.unit_amount)} h "${text(line.name)}"`,
      marks.map((mark) => text(line[mark]) || '-').join(' | '),
    );
  }
}

async function activityRows(
  client: OdooClient,
  rows: Map<string, string>,
  invoices: ReadonlyMap<number, string>,
): Promise<void> {
  const activities = await readAll(
    client,
    'mail.activity',
    [],
    ['res_model', 'res_id', 'res_name', 'summary', 'note', 'user_id', 'activity_type_id'],
  );
  const sorted = [...activities].sort((a, b) => a.id - b.id);
  for (const activity of sorted) {
    put(
      rows,
      // A draft's name holds its id ("Draft Invoice (* 23)"): name it as its row does.
      `activity on ${String(activity.res_model)} "${(activity.res_model === MODELS.accountMove && invoices.get(Number(activity.res_id))) || String(activity.res_name)}"`,
      [
        nameOf(activity.activity_type_id),
        text(activity.summary),
        withoutIds(text(activity.note)),
        nameOf(activity.user_id),
      ].join(' | '),
    );
  }
}

/** Reads the snapshot; `profile` names the timesheet's ticket field. */
export async function readStorySnapshot(
  client: OdooClient,
  profile: FieldProfile,
): Promise<StorySnapshot> {
  const rows = new Map<string, string>();
  const invoices = await invoiceRows(client, rows);
  await packRows(client, rows);
  await timesheetRows(client, profile, rows);
  await activityRows(client, rows, invoices);
  return rows;
}

/** One sentence per row that differs, is missing or is extra; empty when the runs agree. */
export function compareSnapshots(
  expected: StorySnapshot,
  actual: StorySnapshot,
  names: { readonly expected: string; readonly actual: string },
): string[] {
  const out: string[] = [];
  for (const [label, value] of expected) {
    const other = actual.get(label);
    if (other === undefined) out.push(`${label}: only on ${names.expected} (${value})`);
    else if (other !== value)
      out.push(`${label}: ${names.expected} has "${value}", ${names.actual} has "${other}"`);
  }
  for (const [label, value] of actual)
    if (!expected.has(label)) out.push(`${label}: only on ${names.actual} (${value})`);
  return out;
}
