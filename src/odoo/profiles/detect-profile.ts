/**
 * Picks the field profile from `fields_get` of the models Tally reads: four explicit round trips at
 * start-up, never hidden lazy lookups (style.md, odoorpc's "leave" column).
 */
import { OdooUnknownModelError } from '../errors';
import { MODELS } from '../models';
import { ENTERPRISE_HELPDESK_FIELDS } from './enterprise-helpdesk';
import type { FieldProfile } from './field-profile';
import { OCA_HELPDESK_FIELDS } from './oca-helpdesk-mgmt';

/** Answers the field names of a model (one `fields_get` round trip). */
export type FieldNamesOf = (model: string) => Promise<readonly string[]>;

export const PROFILED_MODELS = [
  MODELS.helpdeskTicket,
  MODELS.analyticLine,
  MODELS.saleOrderLine,
  MODELS.project,
] as const;

/** Builds the profile from the fields each model really has on this database. */
export async function detectFieldProfile(fieldNamesOf: FieldNamesOf): Promise<FieldProfile> {
  const fieldsByModel: Record<string, readonly string[]> = {};
  for (const model of PROFILED_MODELS) fieldsByModel[model] = await fieldNamesOf(model);
  return profileFromFields(fieldsByModel);
}

/** The pure part of detection, from field lists already read. */
export function profileFromFields(
  fieldsByModel: Readonly<Record<string, readonly string[]>>,
): FieldProfile {
  const has = (model: string, field: string): boolean =>
    (fieldsByModel[model] ?? []).includes(field);
  const ticket = MODELS.helpdeskTicket;
  let helpdesk;
  if (has(ticket, OCA_HELPDESK_FIELDS.ticketReferenceField)) helpdesk = OCA_HELPDESK_FIELDS;
  else if (has(ticket, ENTERPRISE_HELPDESK_FIELDS.ticketReferenceField))
    helpdesk = ENTERPRISE_HELPDESK_FIELDS;
  else {
    throw new OdooUnknownModelError(
      'Neither OCA helpdesk_mgmt (ticket "number") nor Enterprise Helpdesk ("ticket_ref") is visible: install one, or give the Tally user the Helpdesk / User group.',
      { details: { model: ticket } },
    );
  }
  return {
    ...helpdesk,
    ticketTypeField: has(ticket, helpdesk.ticketTypeField) ? helpdesk.ticketTypeField : null,
    saleLineUomField: has(MODELS.saleOrderLine, 'product_uom_id')
      ? 'product_uom_id'
      : 'product_uom',
    saleLineTaxField: has(MODELS.saleOrderLine, 'tax_ids') ? 'tax_ids' : 'tax_id',
    projectAnalyticField: has(MODELS.project, 'analytic_account_id')
      ? 'analytic_account_id'
      : 'account_id',
    fieldsByModel,
  };
}

/** Adapts anything with `model(name).fieldsGet()` (the OdooClient) to `FieldNamesOf`. */
export function fieldNamesVia(client: {
  model(name: string): {
    fieldsGet(attributes: readonly string[]): Promise<Readonly<Record<string, unknown>>>;
  };
}): FieldNamesOf {
  return async (model) => Object.keys(await client.model(model).fieldsGet(['type']));
}
