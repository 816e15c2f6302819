import { emptyValue } from './env';
import type { Registry } from './registry';
import type { Store } from './store';

const HIDDEN = new Set(['password']);

/** Every stored record by model (ids ascending, keys sorted): deterministic, for assertions. */
export function snapshotStore(
  store: Store,
  registry: Registry,
): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const model of registry.names()) {
    const table = store.table(model);
    if (table.size === 0) continue;
    const def = registry.require(model);
    const stored = [...def.fields.values()]
      .filter(
        (field) =>
          field.store &&
          field.compute === undefined &&
          field.type !== 'one2many' &&
          !HIDDEN.has(field.name),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    out[model] = [...table.ascendingIds()].map((id) => {
      const row = table.get(id) ?? { id };
      const record: Record<string, unknown> = {};
      for (const field of stored) {
        const value = row[field.name];
        record[field.name] = Array.isArray(value)
          ? [...(value as unknown[])]
          : (value ?? emptyValue(field));
      }
      return record;
    });
  }
  return out;
}
