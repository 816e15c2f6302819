import { refOf } from '../env';
import { F } from '../fields';
import { SETTINGS_ONLY } from '../groups';
import type { SandboxProfile } from '../profile';
import type { Env, ModelSpec, Vals } from '../types';
import { checkViewArch } from '../view-arch';

const VIEW = 'ir.ui.view';

/** Odoo 18 renamed the list view type from `tree` to `list`. */
function viewTypes(profile: SandboxProfile): string[] {
  const list = profile.odooVersion >= 18 ? 'list' : 'tree';
  return [list, 'form', 'graph', 'pivot', 'calendar', 'kanban', 'search', 'qweb'];
}

/** The arch of a view and of the views it inherits from, for locating elements (union of all). */
function inheritedArch(env: Env, parentId: unknown): string | undefined {
  const parts: string[] = [];
  const seen = new Set<number>();
  let current = typeof parentId === 'number' ? parentId : undefined;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const row = env.store.table(VIEW).get(current);
    if (row === undefined) break;
    if (typeof row.arch_db === 'string') parts.push(row.arch_db);
    current = refOf(env, VIEW, current, 'inherit_id');
  }
  return parts.length === 0 ? undefined : parts.join('\n');
}

function archOf(vals: Vals): string | undefined {
  const arch = vals.arch ?? vals.arch_db;
  return typeof arch === 'string' ? arch : undefined;
}

/** Odoo takes a primary view's type from the root element of its arch. */
function rootTag(arch: string | undefined): string | false {
  return /^\s*<([\w-]+)/.exec(arch ?? '')?.[1] ?? false;
}

function validate(env: Env, model: unknown, arch: string | undefined, parent: unknown): void {
  if (typeof model !== 'string' || arch === undefined) return;
  checkViewArch(env, model, arch, parent ? inheritedArch(env, parent) : undefined);
}

/** ir.ui.view: views as stored rows, validated against their model and parent like Odoo does. */
export function irUiViewModels(profile: SandboxProfile): ModelSpec[] {
  return [
    {
      name: VIEW,
      description: 'View',
      order: 'priority, name, id',
      access: SETTINGS_ONLY,
      fields: {
        name: F.char('View Name', { required: true }),
        model: F.char('Model'),
        key: F.char('Key'),
        type: F.sel(viewTypes(profile), 'View Type'),
        arch: F.text('View Architecture', {
          compute: (_env, row) => row.arch_db,
          inverse: (_env, value) => ({ arch_db: value }),
        }),
        arch_db: F.text('Arch Blob'),
        inherit_id: F.m2o(VIEW, 'Inherited View'),
        mode: F.sel(['primary', 'extension'], 'View inheritance mode', {
          default: (_env, vals) => (vals.inherit_id ? 'extension' : 'primary'),
        }),
        priority: F.int('Sequence', { default: () => 16 }),
        active: F.bool('Active', { default: () => true }),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          const parent = typeof vals.inherit_id === 'number' ? vals.inherit_id : undefined;
          const parentRow = parent === undefined ? undefined : env.store.table(VIEW).get(parent);
          if (vals.type === undefined) vals.type = parentRow?.type ?? rootTag(archOf(vals));
          if (vals.model === undefined && parentRow !== undefined) vals.model = parentRow.model;
          validate(env, vals.model, archOf(vals), vals.inherit_id);
        },
        beforeWrite: (env, ids, vals) => {
          if (archOf(vals) === undefined && !('inherit_id' in vals) && !('model' in vals)) return;
          for (const id of ids) {
            const row = env.store.table(VIEW).get(id);
            const merged = { ...row, ...vals };
            validate(env, merged.model, archOf(merged), merged.inherit_id);
          }
        },
      },
    },
  ];
}
