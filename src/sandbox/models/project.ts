import { refOf } from '../env';
import { validationError } from '../errors';
import { F } from '../fields';
import { TIMESHEET_USER } from '../groups';
import { create } from '../orm/mutate';
import { profileNames, type SandboxProfile } from '../profile';
import type { Env, ModelSpec } from '../types';
import { mailThreadMethods } from './mail';

/** hr's SQL constraint (user_id, company_id) unique, as the ORM re-raises it (odoo-rpc.md §2.1). */
function checkOneEmployeePerUser(env: Env, ids: readonly number[]): void {
  const employees = env.store.table('hr.employee');
  for (const id of ids) {
    const row = employees.get(id);
    if (typeof row?.user_id !== 'number') continue;
    const clash = [...employees.referencing('user_id', row.user_id)].some(
      (other) => other !== id && employees.get(other)?.company_id === row.company_id,
    );
    if (clash)
      throw validationError(
        'The operation cannot be completed: A user cannot be linked to multiple employees in the same company.',
      );
  }
}

/** hr.employee, analytic accounts and plans, project.project and project.task. */
export function projectModels(profile: SandboxProfile): ModelSpec[] {
  const analytic = profileNames(profile).projectAnalyticField;
  return [
    {
      name: 'hr.employee',
      description: 'Employee',
      order: 'name',
      fields: {
        name: F.char('Employee Name'),
        user_id: F.m2o('res.users', 'User'),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          default: (env) => env.companyId,
        }),
        hourly_cost: F.money('Hourly Cost'),
        work_email: F.char('Work Email'),
        job_title: F.char('Job Title'),
        active: F.bool('Active', { default: () => true }),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (
            (vals.name === undefined || vals.name === false) &&
            typeof vals.user_id === 'number'
          ) {
            vals.name = env.store.table('res.users').get(vals.user_id)?.name ?? false;
          }
        },
        afterCreate: (env, ids) => checkOneEmployeePerUser(env, ids),
        afterWrite: (env, ids) => checkOneEmployeePerUser(env, ids),
      },
    },
    {
      name: 'account.analytic.plan',
      description: 'Analytic Plans',
      fields: { name: F.char('Name', { required: true }) },
    },
    {
      name: 'account.analytic.account',
      description: 'Analytic Account',
      order: 'plan_id, name asc',
      fields: {
        name: F.char('Analytic Account', { required: true }),
        code: F.char('Reference'),
        partner_id: F.m2o('res.partner', 'Customer'),
        company_id: F.m2o('res.company', 'Company', { default: (env) => env.companyId }),
        plan_id: F.m2o('account.analytic.plan', 'Plan', {
          required: true,
          default: (env) =>
            env.store.table('account.analytic.plan').ascendingIds().next().value ?? false,
        }),
        active: F.bool('Active', { default: () => true }),
      },
    },
    {
      name: 'project.project',
      description: 'Project',
      order: 'sequence, name, id',
      fields: {
        name: F.char('Name', { required: true }),
        sequence: F.int('Sequence', { default: () => 10 }),
        partner_id: F.m2o('res.partner', 'Customer'),
        company_id: F.m2o('res.company', 'Company', { default: (env) => env.companyId }),
        user_id: F.m2o('res.users', 'Project Manager'),
        [analytic]: F.m2o('account.analytic.account', 'Analytic Account'),
        allow_timesheets: F.bool('Timesheets', { default: () => true }),
        allow_billable: F.bool('Billable'),
        sale_line_id: F.m2o('sale.order.line', 'Sales Order Item'),
        sale_order_id: F.m2o('sale.order', 'Sales Order', {
          compute: (env, row) =>
            typeof row.sale_line_id === 'number'
              ? (refOf(env, 'sale.order.line', row.sale_line_id, 'order_id') ?? false)
              : false,
          readonly: true,
        }),
        pricing_type: F.sel(['task_rate', 'fixed_rate', 'employee_rate'], 'Pricing', {
          compute: (_env, row) => (row.sale_line_id ? 'fixed_rate' : 'task_rate'),
          readonly: true,
        }),
        task_ids: F.o2m('project.task', 'project_id', 'Tasks'),
        ticket_ids: F.o2m('helpdesk.ticket', 'project_id', 'Tickets'),
        active: F.bool('Active', { default: () => true }),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          // Odoo creates the project's analytic account when timesheets are enabled.
          if (vals.allow_timesheets !== false && !vals[analytic]) {
            vals[analytic] = create({ ...env, su: true }, 'account.analytic.account', [
              {
                name: vals.name,
                partner_id: vals.partner_id ?? false,
                company_id: vals.company_id ?? env.companyId,
              },
            ])[0];
          }
        },
      },
      methods: mailThreadMethods('project.project'),
    },
    {
      name: 'project.task',
      description: 'Task',
      order: 'priority desc, sequence, id desc',
      fields: {
        name: F.char('Title', { required: true }),
        project_id: F.m2o('project.project', 'Project'),
        partner_id: F.m2o('res.partner', 'Customer'),
        company_id: F.m2o('res.company', 'Company', { default: (env) => env.companyId }),
        sale_line_id: F.m2o('sale.order.line', 'Sales Order Item'),
        priority: F.sel(['0', '1'], 'Priority', { default: () => '0' }),
        sequence: F.int('Sequence', { default: () => 10 }),
        active: F.bool('Active', { default: () => true }),
        timesheet_ids: F.o2m('account.analytic.line', 'task_id', 'Timesheets', {
          groups: [TIMESHEET_USER],
        }),
      },
      methods: mailThreadMethods('project.task'),
    },
  ];
}
