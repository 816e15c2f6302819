import { refOf, roundMoney, storeComputed, today } from '../env';
import { userError } from '../errors';
import { F } from '../fields';
import { INVOICING_GROUPS } from '../groups';
import { requireExisting } from '../methods/orm-methods';
import type { SandboxProfile } from '../profile';
import type { Row } from '../store';
import type { Env, ModelSpec } from '../types';
import { mailThreadMethods } from './mail';
import { lineAmounts } from './pricing';

export const MOVE_TYPES = [
  'entry',
  'out_invoice',
  'out_refund',
  'in_invoice',
  'in_refund',
  'out_receipt',
  'in_receipt',
];
const INVOICE_TYPES = new Set(MOVE_TYPES.slice(1));
/** What may still change on a posted move (everything else needs button_draft first). */
const EDITABLE_WHEN_POSTED = new Set([
  'ref',
  'narration',
  'payment_reference',
  'checked',
  'to_check',
  'invoice_origin',
  'invoice_date_due',
]);
export const POSTED_EDIT = 'You cannot modify a posted entry of this journal.';

export function lines(env: Env, moveId: number): Row[] {
  const table = env.store.table('account.move.line');
  return [...table.referencing('move_id', moveId)].map((id) => table.get(id) as Row);
}

export function amounts(env: Env, row: Row): { subtotal: number; tax: number; total: number } {
  if (
    row.display_type !== 'product' &&
    row.display_type !== false &&
    row.display_type !== undefined
  ) {
    return { subtotal: 0, tax: 0, total: 0 };
  }
  return lineAmounts(
    env,
    Number(row.quantity ?? 0),
    Number(row.price_unit ?? 0),
    Number(row.discount ?? 0),
    (row.tax_ids as number[] | undefined) ?? [],
  );
}

function sum(env: Env, moveId: number, key: 'subtotal' | 'tax' | 'total'): number {
  return roundMoney(lines(env, moveId).reduce((total, line) => total + amounts(env, line)[key], 0));
}

export function moveState(env: Env, moveId: unknown): unknown {
  return typeof moveId === 'number'
    ? env.store.table('account.move').get(moveId)?.state
    : undefined;
}

/** `INV/2026/00001`: next number for the journal code and year, from the names already used. */
function nextName(env: Env, journalId: unknown, date: string): string {
  const code =
    typeof journalId === 'number'
      ? String(env.store.table('account.journal').get(journalId)?.code ?? 'MISC')
      : 'MISC';
  const prefix = `${code}/${date.slice(0, 4)}/`;
  let last = 0;
  for (const row of env.store.table('account.move').rows.values()) {
    if (typeof row.name === 'string' && row.name.startsWith(prefix))
      last = Math.max(last, Number(row.name.slice(prefix.length)) || 0);
  }
  return `${prefix}${String(last + 1).padStart(5, '0')}`;
}

function defaultJournal(env: Env, moveType: unknown): number | false {
  const wanted = String(moveType).startsWith('out_')
    ? 'sale'
    : String(moveType).startsWith('in_')
      ? 'purchase'
      : 'general';
  for (const row of env.store.table('account.journal').rows.values())
    if (row.type === wanted && row.active !== false) return row.id;
  return false;
}

function draftName(env: Env): string | false {
  return env.profile.odooVersion <= 17 ? '/' : false;
}

/** account.move (invoices) and account.move.line with draft totals and posted-move protection. */
export function accountMoveModels(profile: SandboxProfile): ModelSpec[] {
  const v = profile.odooVersion;
  const access = { read: INVOICING_GROUPS };
  return [
    {
      name: 'account.move',
      description: 'Journal Entry',
      order: 'date desc, name desc, invoice_date desc, id desc',
      access,
      displayName: (_env, row) =>
        typeof row.name === 'string' && row.name !== '/'
          ? row.name
          : row.move_type === 'out_invoice'
            ? `Draft Invoice (* ${row.id})`
            : `Draft Entry (* ${row.id})`,
      fields: {
        name: F.char('Number'),
        move_type: F.sel(MOVE_TYPES, 'Type', {
          required: true,
          readonly: true,
          default: () => 'entry',
        }),
        state: F.sel(['draft', 'posted', 'cancel'], 'Status', {
          required: true,
          readonly: true,
          default: () => 'draft',
        }),
        partner_id: F.m2o('res.partner', 'Partner'),
        partner_shipping_id: F.m2o('res.partner', 'Delivery Address'),
        commercial_partner_id: F.m2o('res.partner', 'Commercial Entity', {
          readonly: true,
          compute: (env, row) =>
            typeof row.partner_id === 'number'
              ? (refOf(env, 'res.partner', row.partner_id, 'commercial_partner_id') ??
                row.partner_id)
              : false,
        }),
        date: F.date('Date', { required: true }),
        invoice_date: F.date('Invoice/Bill Date'),
        invoice_date_due: F.date('Due Date'),
        journal_id: F.m2o('account.journal', 'Journal', { required: true }),
        company_id: F.m2o('res.company', 'Company', { default: (env) => env.companyId }),
        currency_id: F.m2o('res.currency', 'Currency', { required: true }),
        ref: F.char('Reference'),
        narration: F.html('Terms and Conditions'),
        invoice_origin: F.char('Origin', { readonly: true }),
        payment_reference: F.char('Payment Reference'),
        invoice_user_id: F.m2o('res.users', 'Salesperson', { default: (env) => env.uid }),
        payment_state: F.sel(
          ['not_paid', 'in_payment', 'paid', 'partial', 'reversed', 'invoicing_legacy'],
          'Payment Status',
          { readonly: true, default: () => 'not_paid' },
        ),
        [v >= 18 ? 'origin_payment_id' : 'payment_id']: F.m2o('account.payment', 'Payment', {
          readonly: true,
        }),
        [v >= 19 ? 'checked' : 'to_check']: F.bool(v >= 19 ? 'Checked' : 'To Check'),
        line_ids: F.o2m('account.move.line', 'move_id', 'Journal Items'),
        invoice_line_ids: F.o2m('account.move.line', 'move_id', 'Invoice lines'),
        amount_untaxed: F.money('Untaxed Amount', {
          readonly: true,
          compute: (env, row) => sum(env, row.id, 'subtotal'),
        }),
        amount_tax: F.money('Tax', {
          readonly: true,
          compute: (env, row) => sum(env, row.id, 'tax'),
        }),
        amount_total: F.money('Total', {
          readonly: true,
          compute: (env, row) => sum(env, row.id, 'total'),
        }),
        amount_residual: F.money('Amount Due', {
          readonly: true,
          compute: (env, row) => (row.payment_state === 'paid' ? 0 : sum(env, row.id, 'total')),
        }),
        timesheet_ids: F.o2m('account.analytic.line', 'timesheet_invoice_id', 'Timesheets', {
          readonly: true,
        }),
        timesheet_count: F.int('Number of timesheets', {
          readonly: true,
          compute: (env, row) =>
            env.store.table('account.analytic.line').referencing('timesheet_invoice_id', row.id)
              .size,
        }),
      },
      methods: {
        ...mailThreadMethods('account.move'),
        action_post: {
          params: [],
          run: (env, ids) => {
            requireExisting(env, 'account.move', ids);
            for (const id of ids) {
              const row = env.store.table('account.move').get(id) as Row;
              if (row.state === 'posted') throw userError('The entry is already posted.');
              const productLines = lines(env, id).filter(
                (line) => line.display_type === 'product' || !line.display_type,
              );
              if (productLines.length === 0) {
                throw userError(
                  v >= 19
                    ? "Even magicians can't post nothing!"
                    : 'You need to add a line before posting.',
                );
              }
              const invoiceDate =
                typeof row.invoice_date === 'string' ? row.invoice_date : today(env);
              const named = typeof row.name === 'string' && row.name !== '/' && row.name !== '';
              storeComputed(env, 'account.move', id, {
                state: 'posted',
                invoice_date: INVOICE_TYPES.has(String(row.move_type))
                  ? invoiceDate
                  : row.invoice_date,
                date: invoiceDate,
                name: named ? row.name : nextName(env, row.journal_id, invoiceDate),
              });
            }
            return false;
          },
        },
        button_draft: {
          params: [],
          run: (env, ids) => {
            requireExisting(env, 'account.move', ids);
            for (const id of ids) storeComputed(env, 'account.move', id, { state: 'draft' });
            return null;
          },
        },
        button_cancel: {
          params: [],
          run: (env, ids) => {
            requireExisting(env, 'account.move', ids);
            for (const id of ids) storeComputed(env, 'account.move', id, { state: 'cancel' });
            return null;
          },
        },
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (!vals.journal_id) vals.journal_id = defaultJournal(env, vals.move_type);
          if (!vals.currency_id) {
            const journalCurrency =
              typeof vals.journal_id === 'number'
                ? refOf(env, 'account.journal', vals.journal_id, 'currency_id')
                : undefined;
            const company = typeof vals.company_id === 'number' ? vals.company_id : env.companyId;
            vals.currency_id =
              journalCurrency ?? refOf(env, 'res.company', company, 'currency_id') ?? false;
          }
          if (!vals.date)
            vals.date = typeof vals.invoice_date === 'string' ? vals.invoice_date : today(env);
          if (vals.name === undefined || vals.name === '/' || vals.name === false) {
            const invoiceDate =
              typeof vals.invoice_date === 'string' ? vals.invoice_date : undefined;
            vals.name =
              invoiceDate && INVOICE_TYPES.has(String(vals.move_type))
                ? nextName(env, vals.journal_id, invoiceDate)
                : draftName(env);
          }
          vals.state = 'draft';
        },
        beforeWrite: (env, ids, vals) => {
          const touched = Object.keys(vals).filter(
            (key) => !EDITABLE_WHEN_POSTED.has(key) && !key.startsWith('x_'),
          );
          if (touched.length > 0 && ids.some((id) => moveState(env, id) === 'posted'))
            throw userError(POSTED_EDIT);
        },
        beforeUnlink: (env, ids) => {
          if (ids.some((id) => moveState(env, id) === 'posted'))
            throw userError('You cannot delete an entry which has been posted once.');
        },
      },
    },
  ];
}
