import { refOf, storeComputed, today } from '../env';
import { userError, validationError } from '../errors';
import { F } from '../fields';
import { helpdeskUserGroup, TIMESHEET_USER } from '../groups';
import { profileNames, type SandboxProfile } from '../profile';
import type { Row } from '../store';
import type { Env, FieldSpec, ModelSpec, Vals } from '../types';
import { recomputeSaleLine } from './sale';

/**
 * Fields sale_timesheet protects on invoiced timesheets (`_check_can_write`): only when a line of
 * the write is linked to a sale line whose product invoices on delivery, and a line is on an
 * invoice that is not cancelled.
 */
const LOCKED_FIELDS = [
  'unit_amount',
  'employee_id',
  'project_id',
  'task_id',
  'so_line',
  'date',
  'amount',
];
const INVOICE_TYPES = [
  'billable_time',
  'billable_fixed',
  'billable_milestones',
  'billable_manual',
  'non_billable',
  'timesheet_revenues',
  'service_revenues',
  'other_revenues',
  'other_costs',
];

/** Old so_line ids of a write, remembered between beforeWrite and afterWrite (same vals object). */
const previousSoLines = new WeakMap<Vals, Set<number>>();

function invoiceType(env: Env, row: Row): string {
  if (row.project_id === false || row.project_id === undefined)
    return row.amount !== undefined && Number(row.amount) >= 0 ? 'other_revenues' : 'other_costs';
  if (typeof row.so_line !== 'number') return 'non_billable';
  const productId = refOf(env, 'sale.order.line', row.so_line, 'product_id');
  const prod =
    productId === undefined ? undefined : env.store.table('product.product').get(productId);
  if (prod?.invoice_policy === 'order') return 'billable_fixed';
  if (prod?.service_type === 'timesheet') return 'billable_time';
  if (prod?.service_type === 'milestones') return 'billable_milestones';
  return 'billable_manual';
}

function isWriteLocked(env: Env, rows: readonly (Row | undefined)[]): boolean {
  const onDeliveryLine = rows.some((row) => {
    if (row === undefined || typeof row.so_line !== 'number') return false;
    const productId = refOf(env, 'sale.order.line', row.so_line, 'product_id');
    if (productId === undefined) return false;
    return env.store.table('product.product').get(productId)?.invoice_policy === 'delivery';
  });
  const onInvoice = rows.some((row) => {
    if (row === undefined || typeof row.timesheet_invoice_id !== 'number') return false;
    const state = env.store.table('account.move').get(row.timesheet_invoice_id)?.state;
    return state !== undefined && state !== 'cancel';
  });
  return onDeliveryLine && onInvoice;
}

function isInvoiced(env: Env, row: Row | undefined): boolean {
  if (row === undefined || typeof row.timesheet_invoice_id !== 'number') return false;
  return env.store.table('account.move').get(row.timesheet_invoice_id)?.state === 'posted';
}

function employeeOfUser(env: Env, uid: number): number | undefined {
  const employees = env.store.table('hr.employee');
  for (const id of employees.referencing('user_id', uid))
    if (employees.get(id)?.active !== false) return id;
  return undefined;
}

function recompute(env: Env, ids: Iterable<number>): void {
  const table = env.store.table('account.analytic.line');
  for (const id of ids) {
    const row = table.get(id);
    if (row === undefined) continue;
    storeComputed(env, 'account.analytic.line', id, {
      timesheet_invoice_type: invoiceType(env, row),
      order_id:
        typeof row.so_line === 'number'
          ? (refOf(env, 'sale.order.line', row.so_line, 'order_id') ?? false)
          : false,
    });
  }
}

/** account.analytic.line as hr_timesheet + sale_timesheet + the helpdesk timesheet link make it. */
export function analyticLineModels(profile: SandboxProfile): ModelSpec[] {
  const names = profileNames(profile);
  const ticketField = names.timesheetTicketField;
  const oca = profile.helpdesk === 'oca';
  const helpdeskGroups = [helpdeskUserGroup(profile)];
  const ticketFields: Record<string, FieldSpec> = oca
    ? {
        ticket_id: F.m2o('helpdesk.ticket', 'Ticket', { groups: helpdeskGroups }),
        ticket_partner_id: F.m2o('res.partner', 'Ticket Partner', {
          readonly: true,
          groups: helpdeskGroups,
        }),
      }
    : {
        helpdesk_ticket_id: F.m2o('helpdesk.ticket', 'Helpdesk Ticket', { groups: helpdeskGroups }),
      };
  return [
    {
      name: 'account.analytic.line',
      description: 'Analytic Line',
      order: 'date desc, id desc',
      access: { read: [TIMESHEET_USER] },
      fields: {
        name: F.char('Description', { required: true }),
        date: F.date('Date', { required: true, default: (env) => today(env) }),
        unit_amount: F.float('Quantity', { default: () => 0 }),
        amount: F.money('Amount', { required: true, default: () => 0 }),
        account_id: F.m2o(
          'account.analytic.account',
          'Analytic Account',
          profile.odooVersion === 16 ? { required: true } : {},
        ),
        ...(profile.odooVersion === 16 ? { plan_id: F.m2o('account.analytic.plan', 'Plan') } : {}),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          readonly: true,
          default: (env) => env.companyId,
        }),
        currency_id: F.m2o('res.currency', 'Currency', { readonly: true }),
        category: F.sel(['other', 'invoice', 'vendor_bill'], 'Category', {
          default: () => 'other',
        }),
        code: F.char('Code'),
        ref: F.char('Ref.'),
        partner_id: F.m2o('res.partner', 'Partner'),
        commercial_partner_id: F.m2o('res.partner', 'Partner Company', {
          readonly: true,
          compute: (env, row) => {
            const partner = typeof row.partner_id === 'number' ? row.partner_id : undefined;
            return partner === undefined
              ? false
              : (refOf(env, 'res.partner', partner, 'commercial_partner_id') ?? partner);
          },
        }),
        employee_id: F.m2o('hr.employee', 'Employee'),
        user_id: F.m2o('res.users', 'User'),
        project_id: F.m2o('project.project', 'Project'),
        task_id: F.m2o('project.task', 'Task'),
        product_id: F.m2o('product.product', 'Product'),
        product_uom_id: F.m2o('uom.uom', 'Unit of Measure'),
        general_account_id: F.m2o('account.account', 'Financial Account'),
        move_line_id: F.m2o('account.move.line', 'Journal Item'),
        so_line: F.m2o('sale.order.line', 'Sales Order Item'),
        is_so_line_edited: F.bool('Is Sales Order Item Manually Edited'),
        order_id: F.m2o('sale.order', 'Sales Order', { readonly: true }),
        timesheet_invoice_id: F.m2o('account.move', 'Invoice', { readonly: true }),
        timesheet_invoice_type: F.sel(INVOICE_TYPES, 'Billable Type', { readonly: true }),
        ...ticketFields,
      },
      hooks: {
        prepareCreate: (env, vals) => {
          const ticket =
            typeof vals[ticketField] === 'number' ? (vals[ticketField] as number) : undefined;
          if (ticket !== undefined && !vals.project_id) {
            vals.project_id = refOf(env, 'helpdesk.ticket', ticket, 'project_id') ?? false;
          }
          const project =
            typeof vals.project_id === 'number'
              ? env.store.table('project.project').get(vals.project_id)
              : undefined;
          if (project !== undefined) {
            if (!vals.account_id) vals.account_id = project[names.projectAnalyticField] ?? false;
            if (vals.partner_id === undefined) vals.partner_id = project.partner_id ?? false;
            if (vals.company_id === undefined && typeof project.company_id === 'number')
              vals.company_id = project.company_id;
            if (!vals.employee_id) {
              const userId = typeof vals.user_id === 'number' ? vals.user_id : env.uid;
              const employee = employeeOfUser(env, userId);
              if (employee === undefined)
                throw validationError(
                  'Timesheets must be created with an active employee in the selected companies.',
                );
              vals.employee_id = employee;
            }
          }
          if (typeof vals.employee_id === 'number') {
            const employee = env.store.table('hr.employee').get(vals.employee_id);
            if (vals.user_id === undefined) vals.user_id = employee?.user_id ?? false;
            if (vals.amount === undefined || vals.amount === 0) {
              vals.amount = -Number(vals.unit_amount ?? 0) * Number(employee?.hourly_cost ?? 0);
            }
          }
          if (oca && ticket !== undefined)
            vals.ticket_partner_id = refOf(env, 'helpdesk.ticket', ticket, 'partner_id') ?? false;
          const company = typeof vals.company_id === 'number' ? vals.company_id : env.companyId;
          vals.currency_id = refOf(env, 'res.company', company, 'currency_id') ?? false;
        },
        afterCreate: (env, ids) => {
          recompute(env, ids);
          const lines = new Set<number>();
          for (const id of ids) {
            const soLine = refOf(env, 'account.analytic.line', id, 'so_line');
            if (soLine !== undefined) lines.add(soLine);
          }
          lines.forEach((line) => recomputeSaleLine(env, line));
        },
        beforeWrite: (env, ids, vals) => {
          const table = env.store.table('account.analytic.line');
          if (
            LOCKED_FIELDS.some((field) => field in vals) &&
            isWriteLocked(
              env,
              ids.map((id) => table.get(id)),
            )
          ) {
            throw userError('You cannot modify timesheets that are already invoiced.');
          }
          const old = new Set<number>();
          for (const id of ids) {
            const soLine = table.get(id)?.so_line;
            if (typeof soLine === 'number') old.add(soLine);
          }
          previousSoLines.set(vals, old);
        },
        afterWrite: (env, ids, vals) => {
          if (oca && 'ticket_id' in vals) {
            for (const id of ids) {
              const ticket = refOf(env, 'account.analytic.line', id, 'ticket_id');
              storeComputed(env, 'account.analytic.line', id, {
                ticket_partner_id:
                  ticket === undefined
                    ? false
                    : (refOf(env, 'helpdesk.ticket', ticket, 'partner_id') ?? false),
              });
            }
          }
          recompute(env, ids);
          if (['so_line', 'unit_amount', 'project_id'].some((field) => field in vals)) {
            const lines = previousSoLines.get(vals) ?? new Set<number>();
            for (const id of ids) {
              const soLine = refOf(env, 'account.analytic.line', id, 'so_line');
              if (soLine !== undefined) lines.add(soLine);
            }
            lines.forEach((line) => recomputeSaleLine(env, line));
          }
        },
        beforeUnlink: (env, ids) => {
          const table = env.store.table('account.analytic.line');
          if (ids.some((id) => isInvoiced(env, table.get(id)))) {
            throw userError('You cannot remove a timesheet that has already been invoiced.');
          }
        },
        afterUnlink: (env, rows) => {
          const lines = new Set(
            rows
              .map((row) => row.so_line)
              .filter((line): line is number => typeof line === 'number'),
          );
          lines.forEach((line) => recomputeSaleLine(env, line));
        },
      },
    },
  ];
}
