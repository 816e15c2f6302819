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
  team_id: many2one.optional(),
  x_tally_notices: optionalText,
  x_tally_review: optionalText.optional(),
});

const TeamSchema = z.object({ id: z.number().int().positive(), user_id: many2one });

/** Who hears of a record that names nobody: the config's reviewer, else the Tally user. */
export interface NoticeFallback {
  /** The team model and its leader field (none on Enterprise teams). */
  readonly teamModel: string;
  readonly teamLeaderField: string | null;
  /** The user id of the config's `notices.reviewer`, when set. */
  readonly reviewerUid: number | null;
}

/** The first person in line; the Tally user when nobody else is, so held time always reaches someone. */
export function firstInLine(
  candidates: readonly (number | null | undefined)[],
  tallyUid: number,
): number {
  return candidates.find((uid): uid is number => typeof uid === 'number') ?? tallyUid;
}

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
  fallback: NoticeFallback,
): Promise<NoticeTargets> {
  const tickets = await readByIdsParsed(
    reader,
    {
      model: MODELS.helpdeskTicket,
      schema: TargetSchema,
      fields: ['user_id', 'team_id', 'x_tally_notices', 'x_tally_review'],
    },
    ticketIds,
  );
  const leaders = await readTeamLeaders(reader, fallback, tickets.records);
  const customers = await readByIdsParsed(
    reader,
    { model: MODELS.partner, schema: TargetSchema, fields: ['user_id', 'x_tally_notices'] },
    customerIds,
  );
  const openActivityKeys = new Map<string, Set<string>>();
  const problems: SyncProblem[] = [...tickets.problems, ...customers.problems, ...leaders.problems];
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
  // Assignee (or salesperson), then the ticket team's leader, then the reviewer, then Tally.
  const target = (record: z.infer<typeof TargetSchema>): NoticeTarget => ({
    id: record.id,
    userId: firstInLine(
      [
        record.user_id?.id,
        record.team_id ? leaders.byTeam.get(record.team_id.id) : null,
        fallback.reviewerUid,
      ],
      reader.uid,
    ),
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

async function readTeamLeaders(
  reader: OdooReader,
  fallback: NoticeFallback,
  tickets: readonly z.infer<typeof TargetSchema>[],
): Promise<{ byTeam: Map<number, number>; problems: SyncProblem[] }> {
  // Only a ticket nobody is assigned to needs its team's leader.
  const teamIds = [
    ...new Set(
      tickets.flatMap((ticket) =>
        ticket.team_id && ticket.user_id === null ? [ticket.team_id.id] : [],
      ),
    ),
  ];
  if (fallback.teamLeaderField === null || teamIds.length === 0)
    return { byTeam: new Map(), problems: [] };
  const teams = await readByIdsParsed(
    reader,
    { model: fallback.teamModel, schema: TeamSchema, fields: [fallback.teamLeaderField] },
    teamIds,
  );
  const byTeam = new Map<number, number>();
  for (const team of teams.records) if (team.user_id) byTeam.set(team.id, team.user_id.id);
  return { byTeam, problems: teams.problems };
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
