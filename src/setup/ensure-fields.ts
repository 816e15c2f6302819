/**
 * Creates the custom `x_tally_` fields of TALLY_FIELDS through ir.model.fields, idempotently: fields
 * are found by model and name, only missing ones are created, and a selection that lacks one of
 * Tally's values is extended. Each create reloads Odoo's registry (odoo-rpc.md §4.7), so fields go
 * in as few calls as possible: one for all plain fields, one for the one2many fields, whose inverse
 * many2one Odoo requires to exist before the call that creates them.
 */
import { MODELS } from '../odoo/models';
import { and, where } from '../odoo/filter';
import { TALLY_FIELDS, type TallyFieldDefinition } from '../odoo/tally-fields';
import { isTallyError } from '../shared/errors';
import { settingsFix } from './check-access';
import {
  IrFieldRowSchema,
  IrModelRowSchema,
  SETUP_MODELS,
  searchAll,
  type IrFieldRow,
} from './records';
import { reportBlocked, writeBlockedFix, type SetupStep } from './setup-step';

const AREA = 'fields';

export const fieldKey = (model: string, name: string): string => `${model}/${name}`;

function describe(def: TallyFieldDefinition): string {
  const type = def.relation === undefined ? def.type : `${def.type} to ${def.relation}`;
  return `${def.name} (${def.label}, ${type}) on ${def.model}`;
}

/** Odoo reads a manual selection as a Python list literal; JSON strings are valid Python strings. */
function pythonSelection(values: readonly (readonly [string, string])[]): string {
  return `[${values.map(([key, label]) => `(${JSON.stringify(key)}, ${JSON.stringify(label)})`).join(', ')}]`;
}

const SELECTION_PAIR = /\(\s*(['"])(.*?)\1\s*,/g;

function selectionKeys(text: string | null): Set<string> {
  return new Set([...(text ?? '').matchAll(SELECTION_PAIR)].map((match) => match[2] as string));
}

function createVals(def: TallyFieldDefinition, modelId: number): Record<string, unknown> {
  return {
    model_id: modelId,
    name: def.name,
    field_description: def.label,
    help: def.help,
    ttype: def.type,
    state: 'manual',
    // A duplicated invoice or timesheet must not carry Tally's key or marks into the copy.
    copied: false,
    ...(def.relation === undefined ? {} : { relation: def.relation }),
    ...(def.relationField === undefined ? {} : { relation_field: def.relationField }),
    ...(def.type === 'many2one' ? { on_delete: 'set null' } : {}),
    ...(def.index === true ? { index: true } : {}),
    ...(def.selection === undefined ? {} : { selection: pythonSelection(def.selection) }),
  };
}

interface CreatePlan {
  readonly kind: 'create';
  readonly def: TallyFieldDefinition;
  readonly modelId: number;
}
interface ExtendPlan {
  readonly kind: 'extend';
  readonly def: TallyFieldDefinition;
  readonly row: IrFieldRow;
}
type Plan = CreatePlan | ExtendPlan;

const idOf = (def: TallyFieldDefinition): string => `field:${fieldKey(def.model, def.name)}`;

/** Checks an existing field against its definition: fine, unusable, or missing selection values. */
function checkExisting(
  step: SetupStep,
  def: TallyFieldDefinition,
  row: IrFieldRow,
): 'present' | 'unusable' | ExtendPlan {
  const relationDiffers = def.relation !== undefined && row.relation !== def.relation;
  if (row.ttype !== def.type || relationDiffers) {
    const found = row.relation === null ? row.ttype : `${row.ttype} to ${row.relation}`;
    step.log.fail(
      AREA,
      idOf(def),
      `${def.model} already has a field ${def.name} of type ${found}; Tally needs ${describe(def)}.`,
      'Rename or delete that field (Settings → Technical → Fields), then run tally setup again.',
    );
    return 'unusable';
  }
  const have = selectionKeys(row.selection);
  if (def.selection?.some(([key]) => !have.has(key))) return { kind: 'extend', def, row };
  step.log.ok(AREA, idOf(def), `Present: ${describe(def)}.`);
  return 'present';
}

/** Reports planned writes that cannot happen (dry run, or no Settings group); true when blocked. */
function blocked(step: SetupStep, plans: readonly Plan[]): boolean {
  const fix = writeBlockedFix(step, settingsFix());
  if (plans.length === 0 || fix === null) return false;
  for (const plan of plans) {
    const what = plan.kind === 'create' ? 'Missing' : 'Missing selection values in';
    reportBlocked(step, AREA, idOf(plan.def), `${what}: ${describe(plan.def)}.`, fix);
  }
  return true;
}

async function createAll(
  step: SetupStep,
  creates: readonly CreatePlan[],
  present: Set<string>,
): Promise<void> {
  // The inverse many2one of a one2many must exist before the call that creates the one2many.
  const passes = [
    creates.filter((plan) => plan.def.type !== 'one2many'),
    creates.filter((plan) => plan.def.type === 'one2many'),
  ];
  for (const pass of passes) {
    const ready = pass.filter(
      (plan) =>
        plan.def.relationField === undefined ||
        present.has(fieldKey(plan.def.relation ?? '', plan.def.relationField)),
    );
    for (const plan of pass.filter((p) => !ready.includes(p))) {
      step.log.fail(
        AREA,
        idOf(plan.def),
        `Not created: ${describe(plan.def)} needs its inverse ${plan.def.relationField ?? ''} first.`,
        'Fix the problem reported for that field, then run tally setup again.',
      );
    }
    if (ready.length > 0) await createBatch(step, ready, present);
  }
}

async function createBatch(
  step: SetupStep,
  plans: readonly CreatePlan[],
  present: Set<string>,
): Promise<void> {
  try {
    const ids = await step.client
      .model(SETUP_MODELS.field)
      .create(plans.map((plan) => createVals(plan.def, plan.modelId)));
    plans.forEach((plan, index) => {
      present.add(fieldKey(plan.def.model, plan.def.name));
      step.log.ok(AREA, idOf(plan.def), `Created ${describe(plan.def)}.`);
      step.log.changed({
        action: 'created',
        model: SETUP_MODELS.field,
        id: ids[index] ?? 0,
        name: `${plan.def.model} ${plan.def.name}`,
      });
    });
  } catch (error) {
    if (!isTallyError(error)) throw error;
    for (const plan of plans) {
      step.log.fail(
        AREA,
        idOf(plan.def),
        `Odoo refused to create ${describe(plan.def)}: ${error.userMessage}`,
        'Fix what Odoo names, then run tally setup again.',
      );
    }
  }
}

async function extendAll(step: SetupStep, plans: readonly ExtendPlan[]): Promise<void> {
  for (const { def, row } of plans) {
    try {
      await step.client
        .model(SETUP_MODELS.field)
        .write([row.id], { selection: pythonSelection(def.selection ?? []) });
      step.log.ok(AREA, idOf(def), `Added Tally’s selection values to ${describe(def)}.`);
      step.log.changed({
        action: 'updated',
        model: SETUP_MODELS.field,
        id: row.id,
        name: `${def.model} ${def.name}`,
      });
    } catch (error) {
      if (!isTallyError(error)) throw error;
      step.log.fail(
        AREA,
        idOf(def),
        `Odoo refused to extend ${describe(def)}: ${error.userMessage}`,
        'Fix what Odoo names, then run tally setup again.',
      );
    }
  }
}

/** Makes sure every Tally field exists; answers the `model/name` keys of the fields that do. */
export async function ensureFields(step: SetupStep): Promise<ReadonlySet<string>> {
  const defs: TallyFieldDefinition[] = Object.values(TALLY_FIELDS);
  const models = [
    ...new Set(defs.flatMap((def) => [def.model, ...(def.relation ? [def.relation] : [])])),
  ];
  const modelRows = await searchAll(
    step.client,
    { model: SETUP_MODELS.model, schema: IrModelRowSchema, fields: ['model'] },
    where('model', 'in', models),
  );
  const modelIds = new Map(modelRows.map((row) => [row.model, row.id]));
  const fieldRows = await searchAll(
    step.client,
    {
      model: SETUP_MODELS.field,
      schema: IrFieldRowSchema,
      fields: ['model', 'name', 'ttype', 'relation', 'selection'],
    },
    and(
      where('model', 'in', models),
      where(
        'name',
        'in',
        defs.map((def) => def.name),
      ),
    ),
  );
  const existing = new Map(fieldRows.map((row) => [fieldKey(row.model, row.name), row]));
  const present = new Set<string>();
  const plans: Plan[] = [];
  for (const def of defs) {
    const key = fieldKey(def.model, def.name);
    const missingModel = [def.model, def.relation].find((m) => m !== undefined && !modelIds.has(m));
    const row = existing.get(key);
    if (row !== undefined) {
      const state = checkExisting(step, def, row);
      if (state !== 'unusable') present.add(key);
      if (typeof state === 'object') plans.push(state);
    } else if (missingModel === MODELS.helpdeskTicket && step.modules.edition === null) {
      // The Modules check already fails for the missing helpdesk: this follows from it alone.
      step.log.warn(
        AREA,
        idOf(def),
        `${describe(def)} waits for a helpdesk: helpdesk.ticket is not installed (see Modules).`,
        'Run tally setup again once the helpdesk is installed; it adds the field then.',
      );
    } else if (missingModel !== undefined) {
      step.log.fail(
        AREA,
        idOf(def),
        `Cannot add ${describe(def)}: the model ${missingModel} is not installed.`,
        'Install the module that provides it (see the modules above), then run tally setup again.',
      );
    } else {
      plans.push({ kind: 'create', def, modelId: modelIds.get(def.model) ?? 0 });
    }
  }
  if (blocked(step, plans)) return present;
  await createAll(
    step,
    plans.filter((plan): plan is CreatePlan => plan.kind === 'create'),
    present,
  );
  await extendAll(
    step,
    plans.filter((plan): plan is ExtendPlan => plan.kind === 'extend'),
  );
  return present;
}
