import { fieldValue, refOf, storeComputed } from '../env';
import { F } from '../fields';
import { helpdeskUserGroup } from '../groups';
import { profileNames, type SandboxProfile } from '../profile';
import type { Env, FieldSpec, ModelSpec, Vals } from '../types';
import { mailThreadMethods } from './mail';

const TICKET_SEQUENCE = 'helpdesk.ticket';

/**
 * Who an OCA ticket created without an assignee gets (measured on real 16 and 17): from 17 the
 * creating user, while the company's "Auto assign tickets" is on (its default); on 16 the owner
 * of the team's alias, i.e. whoever created the team.
 */
function ocaDefaultAssignee(env: Env, vals: Vals): number | undefined {
  if (env.profile.odooVersion >= 17) {
    const companyId = typeof vals.company_id === 'number' ? vals.company_id : env.companyId;
    const company = env.store.table('res.company').get(companyId);
    return company?.helpdesk_mgmt_ticket_auto_assign === true ? env.uid : undefined;
  }
  if (typeof vals.team_id !== 'number') return undefined;
  const owner = env.store.table('helpdesk.ticket.team').get(vals.team_id)?.alias_user_id;
  return typeof owner === 'number' ? owner : undefined;
}

function firstStage(env: Env, stageModel: string): number | false {
  let best: { id: number; sequence: number } | undefined;
  for (const row of env.store.table(stageModel).rows.values()) {
    const sequence = typeof row.sequence === 'number' ? row.sequence : 0;
    if (row.active !== false && (best === undefined || sequence < best.sequence))
      best = { id: row.id, sequence };
  }
  return best?.id ?? false;
}

function ticketHours(env: Env, ticketId: number, linkField: string): number {
  const table = env.store.table('account.analytic.line');
  let total = 0;
  for (const id of table.referencing(linkField, ticketId))
    total += Number(table.get(id)?.unit_amount ?? 0);
  return Math.round(total * 1e6) / 1e6;
}

/** Keeps the timesheets' stored `ticket_partner_id` in step with their ticket (OCA). */
function syncTimesheetPartners(env: Env, ticketIds: number[]): void {
  const table = env.store.table('account.analytic.line');
  for (const ticketId of ticketIds) {
    const partner = refOf(env, 'helpdesk.ticket', ticketId, 'partner_id') ?? false;
    for (const id of [...table.referencing('ticket_id', ticketId)]) {
      storeComputed(env, 'account.analytic.line', id, { ticket_partner_id: partner });
    }
  }
}

function small(
  name: string,
  description: string,
  extra: Record<string, FieldSpec> = {},
): ModelSpec {
  return {
    name,
    description,
    order: 'sequence, id',
    fields: {
      name: F.char('Name', { required: true }),
      sequence: F.int('Sequence', { default: () => 10 }),
      active: F.bool('Active', { default: () => true }),
      ...extra,
    },
  };
}

/** helpdesk.ticket and its team/stage/tag/category models, OCA helpdesk_mgmt or Enterprise flavour. */
export function helpdeskModels(profile: SandboxProfile): ModelSpec[] {
  const names = profileNames(profile);
  const enterprise = profile.helpdesk === 'enterprise';
  const v = profile.odooVersion;
  const group = helpdeskUserGroup(profile);
  const ownGroup = enterprise ? group : 'helpdesk_mgmt.group_helpdesk_user_own';
  const closedFlag = enterprise ? 'fold' : 'closed';
  const teamFields: Record<string, FieldSpec> = enterprise
    ? {
        use_helpdesk_timesheet: F.bool('Timesheets'),
        project_id: F.m2o('project.project', 'Project'),
        member_ids: F.m2m('res.users', 'Team Members'),
        company_id: F.m2o('res.company', 'Company', { default: (env) => env.companyId }),
      }
    : {
        allow_timesheet: F.bool('Allow Timesheet'),
        default_project_id: F.m2o('project.project', 'Default Project'),
        user_ids: F.m2m('res.users', 'Members'),
        user_id: F.m2o('res.users', 'Team Leader'),
        alias_name: F.char('Alias Name', { compute: () => false }),
        ...(v === 16
          ? { alias_user_id: F.m2o('res.users', 'Owner', { default: (env) => env.uid }) }
          : {}),
        company_id: F.m2o('res.company', 'Company', { default: (env) => env.companyId }),
      };
  const ticketFields: Record<string, FieldSpec> = {
    name: F.char('Title', { required: true }),
    [names.ticketRef]: F.char(enterprise ? 'Ticket IDs Sequence' : 'Ticket number', {
      readonly: true,
    }),
    description: F.html('Description', enterprise ? {} : { required: true }),
    active: F.bool('Active', { default: () => true }),
    company_id: F.m2o('res.company', 'Company', {
      required: true,
      default: (env) => env.companyId,
    }),
    partner_id: F.m2o('res.partner', 'Contact'),
    partner_name: F.char('Partner Name'),
    partner_email: F.char('Email'),
    user_id: F.m2o('res.users', 'Assigned user'),
    team_id: F.m2o(names.teamModel, 'Team'),
    stage_id: F.m2o(names.stageModel, 'Stage', {
      default: (env) => firstStage(env, names.stageModel),
    }),
    tag_ids: F.m2m(names.tagModel, 'Tags'),
    priority: F.sel(
      [
        ['0', 'Low'],
        ['1', 'Medium'],
        ['2', 'High'],
        ['3', 'Very High'],
      ],
      'Priority',
      { default: () => '1' },
    ),
    kanban_state: F.sel(['normal', 'done', 'blocked'], 'Kanban State', { default: () => 'normal' }),
    color: F.int('Color Index'),
    project_id: F.m2o('project.project', 'Project'),
    timesheet_ids: F.o2m('account.analytic.line', names.timesheetTicketField, 'Timesheets'),
    commercial_partner_id: F.m2o('res.partner', 'Commercial Partner', {
      readonly: true,
      compute: (env, row) =>
        typeof row.partner_id === 'number'
          ? (refOf(env, 'res.partner', row.partner_id, 'commercial_partner_id') ?? row.partner_id)
          : false,
    }),
  };
  if (enterprise) {
    Object.assign(ticketFields, {
      partner_phone: F.char('Customer Phone'),
      close_date: F.datetime('Close date'),
      assign_date: F.datetime('First assignment date'),
      sale_line_id: F.m2o('sale.order.line', 'Sales Order Item'),
      use_helpdesk_timesheet: F.bool('Timesheet activated on Team', {
        compute: (env, row) =>
          typeof row.team_id === 'number'
            ? env.store.table('helpdesk.team').get(row.team_id)?.use_helpdesk_timesheet === true
            : false,
      }),
      total_hours_spent: F.float('Hours Spent', {
        readonly: true,
        compute: (env, row) => ticketHours(env, row.id, 'helpdesk_ticket_id'),
      }),
      ...(v <= 17 ? { ticket_type_id: F.m2o('helpdesk.ticket.type', 'Type') } : {}),
    });
  } else {
    const closed = (env: Env, row: Vals): boolean =>
      typeof row.stage_id === 'number' &&
      env.store.table(names.stageModel).get(row.stage_id)?.closed === true;
    Object.assign(ticketFields, {
      category_id: F.m2o('helpdesk.ticket.category', 'Category'),
      channel_id: F.m2o('helpdesk.ticket.channel', 'Channel'),
      task_id: F.m2o('project.task', 'Task'),
      sequence: F.int('Sequence', { default: () => 10 }),
      email_cc: F.char('Email CC'),
      assigned_date: F.datetime('Assigned Date'),
      closed_date: F.datetime('Closed Date'),
      last_stage_update: F.datetime('Last Stage Update', { default: (env) => env.now }),
      closed: F.bool('Closed', { readonly: true, compute: (env, row) => closed(env, row) }),
      unattended: F.bool('Unattended', {
        readonly: true,
        compute: (env, row) =>
          typeof row.stage_id === 'number' &&
          env.store.table(names.stageModel).get(row.stage_id)?.unattended === true,
      }),
      allow_timesheet: F.bool('Allow Timesheet', {
        readonly: true,
        compute: (env, row) =>
          typeof row.team_id === 'number'
            ? env.store.table(names.teamModel).get(row.team_id)?.allow_timesheet === true
            : false,
      }),
      user_ids: F.m2m('res.users', 'Users', {
        readonly: true,
        compute: (env, row) =>
          typeof row.team_id === 'number'
            ? ((env.store.table(names.teamModel).get(row.team_id)?.user_ids as
                number[] | undefined) ?? [])
            : [],
      }),
      planned_hours: F.float('Planned Hours'),
      total_hours: F.float('Total Hours', {
        readonly: true,
        compute: (env, row) => ticketHours(env, row.id, 'ticket_id'),
      }),
      remaining_hours: F.float('Remaining Hours', {
        readonly: true,
        compute: (env, row) =>
          Number(row.planned_hours ?? 0) - ticketHours(env, row.id, 'ticket_id'),
      }),
      progress: F.float('Progress', {
        readonly: true,
        compute: (env, row) => {
          const planned = Number(row.planned_hours ?? 0);
          return planned > 0
            ? Math.round((ticketHours(env, row.id, 'ticket_id') / planned) * 10000) / 100
            : 0;
        },
      }),
      last_timesheet_activity: F.date('Last Timesheet Activity', {
        readonly: true,
        compute: (env, row) => {
          const table = env.store.table('account.analytic.line');
          let last: string | false = false;
          for (const id of table.referencing('ticket_id', row.id)) {
            const date = table.get(id)?.date;
            if (typeof date === 'string' && (last === false || date > last)) last = date;
          }
          return last;
        },
      }),
    });
    if (v === 16)
      ticketFields.commercial_partner_id = F.m2o('res.partner', 'Commercial Partner', {
        readonly: true,
      });
  }
  const stageExtra: Record<string, FieldSpec> = enterprise
    ? { fold: F.bool('Folded in Kanban') }
    : {
        closed: F.bool('Closed'),
        unattended: F.bool('Unattended'),
        fold: F.bool('Folded in Kanban'),
        company_id: F.m2o('res.company', 'Company'),
      };
  const specs: ModelSpec[] = [
    { ...small(names.teamModel, 'Helpdesk Ticket Team', teamFields), order: 'sequence, name' },
    small(names.stageModel, 'Helpdesk Ticket Stage', stageExtra),
    small(names.tagModel, 'Helpdesk Ticket Tag', { color: F.int('Color Index') }),
    {
      name: 'helpdesk.ticket',
      description: 'Helpdesk Ticket',
      order: enterprise
        ? 'priority desc, id desc'
        : 'priority desc, sequence, number desc, id desc',
      access: { read: [ownGroup] },
      displayName: (_env, row) =>
        enterprise
          ? `${String(row.name)} (#${String(row.ticket_ref)})`
          : `${String(row.number)} - ${String(row.name)}`,
      fields: ticketFields,
      methods: mailThreadMethods('helpdesk.ticket'),
      hooks: {
        prepareCreate: (env, vals) => {
          const ref = names.ticketRef;
          if (vals[ref] === undefined || vals[ref] === false || vals[ref] === '/') {
            const next = env.store.nextSequence(TICKET_SEQUENCE);
            vals[ref] = enterprise ? String(next) : `HT${String(next).padStart(5, '0')}`;
          }
          if (typeof vals.partner_id === 'number') {
            const partner = env.store.table('res.partner').get(vals.partner_id);
            if (vals.partner_name === undefined) vals.partner_name = partner?.name ?? false;
            if (vals.partner_email === undefined) vals.partner_email = partner?.email ?? false;
          }
          if (!enterprise && vals.user_id === undefined) {
            const assignee = ocaDefaultAssignee(env, vals);
            if (assignee !== undefined) vals.user_id = assignee;
          }
          if (!enterprise && v === 16 && typeof vals.partner_id === 'number') {
            vals.commercial_partner_id =
              refOf(env, 'res.partner', vals.partner_id, 'commercial_partner_id') ??
              vals.partner_id;
          }
        },
        afterWrite: (env, ids, vals) => {
          if ('stage_id' in vals) {
            for (const id of ids) {
              const row = env.store.table('helpdesk.ticket').get(id);
              const stage =
                typeof row?.stage_id === 'number'
                  ? env.store.table(names.stageModel).get(row.stage_id)
                  : undefined;
              const update: Vals = enterprise ? {} : { last_stage_update: env.now };
              if (stage?.[closedFlag] === true)
                update[enterprise ? 'close_date' : 'closed_date'] = env.now;
              storeComputed(env, 'helpdesk.ticket', id, update);
            }
          }
          if ('partner_id' in vals && !enterprise) syncTimesheetPartners(env, ids);
        },
      },
    },
  ];
  if (enterprise) {
    if (v <= 17) specs.push(small('helpdesk.ticket.type', 'Helpdesk Ticket Type'));
  } else {
    specs.push(
      small('helpdesk.ticket.category', 'Helpdesk Ticket Category', {
        company_id: F.m2o('res.company', 'Company'),
      }),
    );
    specs.push(small('helpdesk.ticket.channel', 'Helpdesk Ticket Channel'));
  }
  return specs;
}

/** Display value of a ticket's reference field (tests and seeds). */
export function ticketReference(env: Env, id: number): unknown {
  const def = env.registry.require('helpdesk.ticket');
  const row = env.store.table('helpdesk.ticket').get(id);
  const field = def.fields.get(profileNames(env.profile).ticketRef);
  return row && field ? fieldValue(env, def, row, field) : false;
}
