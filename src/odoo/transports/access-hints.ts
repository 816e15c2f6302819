/**
 * Which Odoo group a refused model most likely needs (odoo-verified.md "Behaviour": timesheets need
 * Timesheets / User, ticket fields on timesheets need Helpdesk / User, moves need an Invoicing group).
 */
const GROUP_BY_MODEL_PREFIX: readonly (readonly [string, string])[] = [
  ['helpdesk.', 'Helpdesk / User'],
  ['account.analytic.line', 'Timesheets / User'],
  ['account.', 'Invoicing / Billing'],
  ['sale.', 'Sales / User: Own Documents Only'],
  ['project.', 'Project / User'],
  ['product.', 'Sales / User: Own Documents Only'],
  ['res.partner', 'Contact Creation'],
];

/** Fields whose access needs the helpdesk group even when the model is readable. */
const HELPDESK_FIELDS = /\b(ticket_id|ticket_partner_id|helpdesk_ticket_id)\b/;

/** The model named in an AccessError text like "... 'Journal Entry' (account.move) records". */
export function modelFromAccessMessage(message: string): string | undefined {
  return /\(([a-z0-9_]+(?:\.[a-z0-9_]+)+)\) records/.exec(message)?.[1];
}

/** A likely missing group for an access failure on this model, if we can tell. */
export function likelyMissingGroup(model: string | undefined, message: string): string | undefined {
  if (HELPDESK_FIELDS.test(message)) return 'Helpdesk / User';
  if (model === undefined) return undefined;
  return GROUP_BY_MODEL_PREFIX.find(([prefix]) => model.startsWith(prefix))?.[1];
}
