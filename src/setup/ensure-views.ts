/**
 * Shows Tally's fields to staff through inherited views: the timesheet list gets the category,
 * coverage and reason, the ticket form the review note. Each view is found by its stable name,
 * updated when it drifted, recreated when deleted, and never created twice.
 */
import { and, or, where, type OdooFilter } from '../odoo/filter';
import type { HelpdeskEdition } from '../odoo/profiles/field-profile';
import { TALLY_FIELDS, type TallyFieldDefinition } from '../odoo/tally-fields';
import { isTallyError } from '../shared/errors';
import { settingsFix } from './check-access';
import { fieldKey } from './ensure-fields';
import {
  SETUP_MODELS,
  ViewRowSchema,
  WITH_ARCHIVED,
  XmlIdRowSchema,
  searchAll,
  type ViewRow,
} from './records';
import { reportBlocked, writeBlockedFix, type SetupStep } from './setup-step';

const AREA = 'views';

interface ViewSpec {
  /** Stable name Tally finds its view by. */
  readonly name: string;
  readonly label: string;
  readonly model: string;
  /** External id of the stock view it extends (only a hint where `primaryForm` is set). */
  readonly parent: string;
  /**
   * Find the parent as Odoo finds a model's default form: the primary form view without a parent,
   * lowest priority first. The ticket form's xml id differs between OCA ports (odoo-verified.md).
   */
  readonly primaryForm?: boolean;
  /** The stock field Tally's fields go after (present in 16-19). */
  readonly anchor: string;
  readonly fields: readonly TallyFieldDefinition[];
  readonly attributes: string;
}

const TICKET_FORM: Readonly<Record<HelpdeskEdition, string>> = {
  oca: 'helpdesk_mgmt.ticket_view_form',
  enterprise: 'helpdesk.helpdesk_ticket_view_form',
};

function specsFor(step: SetupStep): ViewSpec[] {
  const specs: ViewSpec[] = [];
  if (step.modules.has('hr_timesheet')) {
    specs.push({
      name: 'tally.account.analytic.line.list',
      label: 'timesheet list',
      model: TALLY_FIELDS.timesheetCategory.model,
      parent: 'hr_timesheet.hr_timesheet_line_tree',
      anchor: 'unit_amount',
      fields: [
        TALLY_FIELDS.timesheetCategory,
        TALLY_FIELDS.timesheetCoverage,
        TALLY_FIELDS.timesheetReason,
      ],
      attributes: 'optional="show" readonly="1"',
    });
  }
  const edition = step.modules.edition;
  if (edition !== null) {
    specs.push({
      name: 'tally.helpdesk.ticket.form',
      label: 'ticket form',
      model: TALLY_FIELDS.ticketReview.model,
      parent: TICKET_FORM[edition],
      primaryForm: true,
      anchor: 'tag_ids',
      fields: [TALLY_FIELDS.ticketReview],
      attributes: 'readonly="1"',
    });
  }
  return specs;
}

/** Written the way lxml serialises it, so Odoo's stored copy compares equal on the next run. */
function archOf(spec: ViewSpec): string {
  const fields = spec.fields.map((field) => `<field name="${field.name}" ${spec.attributes}/>`);
  return `<data><xpath expr="//field[@name='${spec.anchor}']" position="after">${fields.join('')}</xpath></data>`;
}

const normalised = (arch: string | null): string => (arch ?? '').replace(/>\s+</g, '><').trim();

function xmlIdFilter(xmlId: string): OdooFilter {
  const [module, name] = xmlId.split('.');
  return and(where('module', '=', module ?? ''), where('name', '=', name ?? ''));
}

async function parentIds(
  step: SetupStep,
  specs: readonly ViewSpec[],
): Promise<Map<string, number>> {
  const rows = await searchAll(
    step.client,
    {
      model: SETUP_MODELS.xmlId,
      schema: XmlIdRowSchema,
      fields: ['module', 'name', 'model', 'res_id'],
    },
    and(
      where('model', '=', SETUP_MODELS.view),
      or(...specs.map((spec) => xmlIdFilter(spec.parent))),
    ),
  );
  const found = new Map(rows.map((row) => [`${row.module}.${row.name}`, row.res_id]));
  for (const spec of specs) {
    if (spec.primaryForm !== true || found.has(spec.parent)) continue;
    const primary = await primaryFormOf(step, spec.model);
    if (primary !== undefined) found.set(spec.parent, primary);
  }
  return found;
}

/** The model's default form view: primary, no parent, lowest priority (then oldest). */
async function primaryFormOf(step: SetupStep, model: string): Promise<number | undefined> {
  const [row] = await step.client
    .model(SETUP_MODELS.view)
    .searchRead(
      and(
        where('model', '=', model),
        where('type', '=', 'form'),
        where('mode', '=', 'primary'),
        where('inherit_id', '=', false),
      ),
      { fields: ['id'], order: 'priority asc, id asc', limit: 1 },
    );
  return row?.id;
}

function upToDate(row: ViewRow, spec: ViewSpec, parentId: number): boolean {
  return (
    row.active &&
    row.model === spec.model &&
    row.inherit_id?.id === parentId &&
    normalised(row.arch) === normalised(archOf(spec))
  );
}

async function write(
  step: SetupStep,
  spec: ViewSpec,
  parentId: number,
  row: ViewRow | undefined,
): Promise<void> {
  const id = `view:${spec.name}`;
  const vals = { model: spec.model, inherit_id: parentId, arch: archOf(spec), active: true };
  try {
    if (row === undefined) {
      const [created] = await step.client
        .model(SETUP_MODELS.view)
        .create([{ name: spec.name, ...vals }]);
      step.log.ok(AREA, id, `Created the ${spec.label} view ${spec.name}.`);
      step.log.changed({
        action: 'created',
        model: SETUP_MODELS.view,
        id: created ?? 0,
        name: spec.name,
      });
    } else {
      await step.client.model(SETUP_MODELS.view).write([row.id], vals);
      step.log.ok(AREA, id, `Updated the ${spec.label} view ${spec.name} (id ${row.id}).`);
      step.log.changed({
        action: 'updated',
        model: SETUP_MODELS.view,
        id: row.id,
        name: spec.name,
      });
    }
  } catch (error) {
    if (!isTallyError(error)) throw error;
    step.log.fail(
      AREA,
      id,
      `Odoo refused the ${spec.label} view ${spec.name}: ${error.userMessage}`,
      'Fix what Odoo names, then run tally setup again.',
    );
  }
}

async function ensureView(
  step: SetupStep,
  spec: ViewSpec,
  parentId: number,
  rows: readonly ViewRow[],
): Promise<void> {
  const id = `view:${spec.name}`;
  const [row, ...duplicates] = rows;
  if (row !== undefined && duplicates.length > 0) {
    step.log.warn(
      AREA,
      `${id}:duplicates`,
      `Other views are also named ${spec.name} (ids ${duplicates.map((d) => d.id).join(', ')}); Tally keeps id ${row.id} up to date.`,
      'Delete the other views (Settings → Technical → Views) so staff see Tally’s fields once.',
    );
  }
  if (row !== undefined && upToDate(row, spec, parentId)) {
    step.log.ok(
      AREA,
      id,
      `The ${spec.label} view ${spec.name} shows ${spec.fields.map((f) => f.name).join(', ')}.`,
    );
    return;
  }
  const fix = writeBlockedFix(step, settingsFix());
  if (fix === null) return write(step, spec, parentId, row);
  const state = row === undefined ? 'is missing' : 'is out of date';
  reportBlocked(step, AREA, id, `The ${spec.label} view ${spec.name} ${state}.`, fix);
}

/** Makes sure staff see Tally's fields; `present` holds the `model/name` keys of existing fields. */
export async function ensureViews(step: SetupStep, present: ReadonlySet<string>): Promise<void> {
  const specs = specsFor(step);
  if (specs.length === 0) return;
  const parents = await parentIds(step, specs);
  const views = await searchAll(
    step.client,
    {
      model: SETUP_MODELS.view,
      schema: ViewRowSchema,
      fields: ['name', 'model', 'inherit_id', 'arch', 'active'],
    },
    where(
      'name',
      'in',
      specs.map((spec) => spec.name),
    ),
    WITH_ARCHIVED,
  );
  for (const spec of specs) {
    const parentId = parents.get(spec.parent);
    const missing = spec.fields.filter((field) => !present.has(fieldKey(field.model, field.name)));
    if (parentId === undefined) {
      step.log.fail(
        AREA,
        `view:${spec.name}`,
        spec.primaryForm === true
          ? `No ${spec.label} view was found (neither ${spec.parent} nor any primary form of ${spec.model}), so Tally's fields cannot be added to it.`
          : `The stock ${spec.label} view ${spec.parent} was not found, so Tally's fields cannot be added to it.`,
        `Update the module ${spec.parent.split('.')[0] ?? ''} in Apps (it restores its views), then run tally setup again.`,
      );
    } else if (missing.length > 0 && !step.options.dryRun) {
      step.log.fail(
        AREA,
        `view:${spec.name}`,
        `The ${spec.label} view ${spec.name} needs the fields ${missing.map((f) => f.name).join(', ')} first.`,
        'Fix the field problems above, then run tally setup again.',
      );
    } else {
      await ensureView(
        step,
        spec,
        parentId,
        views.filter((view) => view.name === spec.name),
      );
    }
  }
}
