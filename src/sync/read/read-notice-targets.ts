import { z } from 'zod';
import { and, where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { many2one, optionalText } from '../../odoo/records/odoo-values';
import type { NoticeTarget } from '../write/plan-notices';
import type { SyncProblem } from '../map/mapped';
import { readByIdsParsed, searchByIdsParsed, type OdooReader } from './odoo-reader';

const TargetSchema = z.object({
  id: z.number().int().positive(),
  user_id: many2one,
  x_tally_notices: optionalText,
  x_tally_review: optionalText.optional(),
});

const ActivitySchema = z.object({
  id: z.number().int().positive(),
  res_model: z.string(),
  res_id: z.number().int(),
  note: optionalText,
});

const MARKER = /\[tally-notice:([^\]]+)\]/g;

export interface NoticeTargets {
  readonly tickets: Map<number, NoticeTarget>;
  readonly customers: Map<number, NoticeTarget>;
  readonly openActivityKeys: Map<string, Set<string>>;
  readonly problems: SyncProblem[];
}

/** Who to tell and what was told, for the period's tickets and customers (batched reads). */
export async function readNoticeTargets(
  reader: OdooReader,
  ticketIds: readonly number[],
  customerIds: readonly number[],
): Promise<NoticeTargets> {
  const tickets = await readByIdsParsed(
    reader,
    {
      model: MODELS.helpdeskTicket,
      schema: TargetSchema,
      fields: ['user_id', 'x_tally_notices', 'x_tally_review'],
    },
    ticketIds,
  );
  const customers = await readByIdsParsed(
    reader,
    { model: MODELS.partner, schema: TargetSchema, fields: ['user_id', 'x_tally_notices'] },
    customerIds,
  );
  const openActivityKeys = new Map<string, Set<string>>();
  const problems: SyncProblem[] = [...tickets.problems, ...customers.problems];
  for (const [model, ids] of [
    [MODELS.helpdeskTicket, ticketIds],
    [MODELS.partner, customerIds],
  ] as const) {
    const activities = await searchByIdsParsed(
      reader,
      { model: 'mail.activity', schema: ActivitySchema, fields: ['res_model', 'res_id', 'note'] },
      'res_id',
      ids,
      and(where('res_model', '=', model), where('note', 'ilike', '[tally-notice:')),
    );
    problems.push(...activities.problems);
    for (const activity of activities.records) {
      const ref = `${activity.res_model}:${activity.res_id}`;
      const keys = openActivityKeys.get(ref) ?? new Set<string>();
      for (const match of (activity.note ?? '').matchAll(MARKER)) keys.add(match[1] as string);
      openActivityKeys.set(ref, keys);
    }
  }
  const target = (record: z.infer<typeof TargetSchema>): NoticeTarget => ({
    id: record.id,
    userId: record.user_id?.id ?? null,
    notices: (record.x_tally_notices ?? '').split(/\s+/).filter((key) => key !== ''),
    review: record.x_tally_review ?? null,
  });
  return {
    tickets: new Map(tickets.records.map((record) => [record.id, target(record)])),
    customers: new Map(customers.records.map((record) => [record.id, target(record)])),
    openActivityKeys,
    problems,
  };
}

/** The notice keys recorded on one record and those of its open activities. */
export async function readNoticeKeys(
  reader: OdooReader,
  model: string,
  id: number,
): Promise<{ recorded: string[]; open: string[] }> {
  const [row] = await reader.model(model).read([id], ['x_tally_notices']);
  const recorded =
    typeof row?.x_tally_notices === 'string'
      ? row.x_tally_notices.split(/\s+/).filter((key) => key !== '')
      : [];
  const activities = await reader
    .model('mail.activity')
    .searchRead(
      and(
        where('res_model', '=', model),
        where('res_id', '=', id),
        where('note', 'ilike', '[tally-notice:'),
      ),
      { fields: ['note'] },
    );
  const open = activities.flatMap((activity) =>
    typeof activity.note === 'string'
      ? [...activity.note.matchAll(MARKER)].map((m) => m[1] as string)
      : [],
  );
  return { recorded, open };
}
