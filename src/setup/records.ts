/**
 * The Odoo records setup reads (modules, models, fields, views, external ids, products), parsed once
 * at the boundary. Model names of the technical `ir.*` models are declared here, beside their shapes.
 */
import { z } from 'zod';
import type { OdooClient } from '../odoo/client';
import type { OdooFilter } from '../odoo/filter';
import type { OdooContext } from '../odoo/model-api';
import { many2one, optionalText } from '../odoo/records/odoo-values';
import { parseRecords, problemToError } from '../odoo/records/parse-records';

export const SETUP_MODELS = {
  module: 'ir.module.module',
  model: 'ir.model',
  field: 'ir.model.fields',
  view: 'ir.ui.view',
  xmlId: 'ir.model.data',
  journal: 'account.journal',
  users: 'res.users',
} as const;

const id = z.number().int().positive();

export const ModuleRowSchema = z.object({
  id,
  name: z.string(),
  /** uninstallable, uninstalled, installed, to upgrade, to remove, to install. */
  state: z.string(),
  shortdesc: optionalText,
  latest_version: optionalText,
});
export type ModuleRow = z.infer<typeof ModuleRowSchema>;

export const IrModelRowSchema = z.object({ id, model: z.string() });

export const IrFieldRowSchema = z.object({
  id,
  model: z.string(),
  name: z.string(),
  ttype: z.string(),
  relation: optionalText,
  /** Python literal of the options, e.g. `[('a', 'A')]`; false for other types. */
  selection: optionalText,
});
export type IrFieldRow = z.infer<typeof IrFieldRowSchema>;

export const ViewRowSchema = z.object({
  id,
  name: z.string(),
  model: optionalText,
  inherit_id: many2one,
  arch: optionalText,
  active: z.boolean(),
});
export type ViewRow = z.infer<typeof ViewRowSchema>;

export const XmlIdRowSchema = z.object({
  id,
  module: z.string(),
  name: z.string(),
  model: z.string(),
  res_id: z.number().int(),
});

export const ProductRowSchema = z.object({
  id,
  default_code: optionalText,
  name: z.string(),
  type: z.string(),
  active: z.boolean(),
  list_price: z.number(),
});
export type ProductRow = z.infer<typeof ProductRowSchema>;

export const PartnerRefRowSchema = z.object({ id, ref: optionalText });

export interface RowSpec<T> {
  readonly model: string;
  readonly schema: z.ZodType<T>;
  readonly fields: readonly string[];
}

/** Every matching record, keyset-paged, parsed; a malformed row stops setup with a typed error. */
export async function searchAll<T>(
  client: OdooClient,
  spec: RowSpec<T>,
  filter: OdooFilter,
  context?: OdooContext,
): Promise<T[]> {
  const out: T[] = [];
  const pages = client
    .model(spec.model)
    .searchReadAll(filter, { fields: spec.fields, ...(context ? { context } : {}) });
  for await (const page of pages) {
    const parsed = parseRecords(spec.model, spec.schema, page);
    const problem = parsed.problems[0];
    if (problem !== undefined) throw problemToError(problem);
    out.push(...parsed.records);
  }
  return out;
}

/** Records that may be archived are read with `active_test: false`, so archived ones are seen. */
export const WITH_ARCHIVED: OdooContext = { active_test: false };
