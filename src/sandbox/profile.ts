/** Which Odoo the sandbox pretends to be: the version and the helpdesk flavour. */
export interface SandboxProfile {
  readonly odooVersion: 16 | 17 | 18 | 19;
  readonly helpdesk: 'oca' | 'enterprise';
}

export const DEFAULT_PROFILE: SandboxProfile = { odooVersion: 17, helpdesk: 'oca' };

/** Model and field names that differ between profiles (odoo-rpc.md §4, odoo-verified.md). */
export interface ProfileNames {
  teamModel: string;
  stageModel: string;
  tagModel: string;
  ticketRef: string;
  timesheetTicketField: string;
  projectAnalyticField: string;
  soLineUom: string;
  soLineTaxes: string;
  userGroups: string;
}

/** The names a profile uses for the concepts Tally reads. */
export function profileNames(profile: SandboxProfile): ProfileNames {
  const enterprise = profile.helpdesk === 'enterprise';
  const v = profile.odooVersion;
  return {
    teamModel: enterprise ? 'helpdesk.team' : 'helpdesk.ticket.team',
    stageModel: enterprise ? 'helpdesk.stage' : 'helpdesk.ticket.stage',
    tagModel: enterprise ? 'helpdesk.tag' : 'helpdesk.ticket.tag',
    ticketRef: enterprise ? 'ticket_ref' : 'number',
    timesheetTicketField: enterprise ? 'helpdesk_ticket_id' : 'ticket_id',
    projectAnalyticField: v >= 18 ? 'account_id' : 'analytic_account_id',
    soLineUom: v >= 19 ? 'product_uom_id' : 'product_uom',
    soLineTaxes: v >= 19 ? 'tax_ids' : 'tax_id',
    userGroups: v >= 19 ? 'group_ids' : 'groups_id',
  };
}

/** `server_version_info` as `common.version` reports it. */
export function versionInfo(
  profile: SandboxProfile,
): [number, number, number, string, number, string] {
  return [profile.odooVersion, 0, 0, 'final', 0, profile.helpdesk === 'enterprise' ? 'e' : ''];
}

/** `server_version` string (`17.0`, `17.0+e`). */
export function serverVersion(profile: SandboxProfile): string {
  return `${profile.odooVersion}.0${profile.helpdesk === 'enterprise' ? '+e' : ''}`;
}
