/**
 * The stock views other modules inherit from, trimmed to the fields the sandbox models have: the
 * timesheet list of hr_timesheet and the ticket form of the installed helpdesk. Their external ids
 * are the real ones, so a client finds them the way it would on Odoo.
 */
import type { SandboxProfile } from './profile';

export interface BaseView {
  readonly xmlId: string;
  readonly name: string;
  readonly model: string;
  readonly arch: string;
}

function timesheetList(profile: SandboxProfile): BaseView {
  const tag = profile.odooVersion >= 18 ? 'list' : 'tree';
  return {
    xmlId: 'hr_timesheet.hr_timesheet_line_tree',
    name: 'account.analytic.line.tree.hr_timesheet',
    model: 'account.analytic.line',
    arch:
      `<${tag} editable="top" string="Timesheet Activities">` +
      '<field name="date"/><field name="employee_id"/><field name="name"/>' +
      '<field name="project_id"/><field name="task_id"/>' +
      '<field name="unit_amount" widget="timesheet_uom" sum="Total"/>' +
      `<field name="company_id" invisible="1"/></${tag}>`,
  };
}

function ticketForm(profile: SandboxProfile): BaseView {
  const oca = profile.helpdesk === 'oca';
  return {
    xmlId: oca ? 'helpdesk_mgmt.ticket_view_form' : 'helpdesk.helpdesk_ticket_view_form',
    name: oca ? 'helpdesk.ticket.view.form' : 'helpdesk.ticket.form',
    model: 'helpdesk.ticket',
    arch:
      '<form string="Helpdesk Ticket"><header><field name="stage_id" widget="statusbar"/></header>' +
      '<sheet><h2><field name="priority" widget="priority"/><field name="name"/></h2>' +
      '<group><group><field name="team_id"/><field name="user_id"/></group>' +
      '<group><field name="partner_id"/><field name="partner_email"/>' +
      (oca ? '<field name="category_id"/>' : '') +
      '<field name="tag_ids" widget="many2many_tags"/></group></group>' +
      '<notebook><page string="Description" name="description">' +
      '<field name="description" widget="html"/></page></notebook></sheet></form>',
  };
}

/** The views installed with the profile's modules. */
export function baseViews(profile: SandboxProfile): BaseView[] {
  return [timesheetList(profile), ticketForm(profile)];
}
