import type { Sandbox } from '../../src/sandbox/server';
import { TALLY_FIELDS } from '../../src/odoo/tally-fields';

/**
 * Creates Tally's custom fields in the sandbox the way `tally setup` does it over RPC
 * (ir.model.fields rows, many2one before the one2many that points back through it).
 */
export function installTallyFields(sandbox: Sandbox): void {
  const definitions = Object.values(TALLY_FIELDS).sort(
    (a, b) => Number(a.type === 'one2many') - Number(b.type === 'one2many'),
  );
  for (const field of definitions) {
    const existing = sandbox.store.search('ir.model.fields', [
      ['model', '=', field.model],
      ['name', '=', field.name],
    ]);
    if (existing.length > 0) continue;
    sandbox.store.create('ir.model.fields', {
      model: field.model,
      name: field.name,
      field_description: field.label,
      ttype: field.type,
      state: 'manual',
      help: field.help,
      ...('relation' in field ? { relation: field.relation } : {}),
      ...('relationField' in field ? { relation_field: field.relationField } : {}),
      ...('selection' in field
        ? {
            selection: `[${field.selection.map(([key, label]) => `('${key}', '${label}')`).join(', ')}]`,
          }
        : {}),
    });
  }
}
