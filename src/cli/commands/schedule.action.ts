import { z } from 'zod';
import { PeriodRefSchema } from '../../queue/job-handlers';
import { loadSchedules } from '../../queue/load-schedules';
import { openQueues } from '../../queue/open-queues';
import {
  applySchedules,
  listSchedules,
  removeSchedule,
  upsertSchedule,
  type ScheduleView,
} from '../../queue/schedulers';
import { ScheduleSchema } from '../../queue/schedules.schema';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const JsonFlagSchema = z.object({ json: z.boolean().default(false) });

// The flags of `schedule set`; ScheduleSchema then checks the cron pattern, zone and payload.
const SetFlagsSchema = z.object({
  job: z.string({ error: 'is required (sync, close-period or setup-check)' }),
  cron: z.string({ error: 'is required, e.g. "*/15 * * * *"' }),
  tz: z.string().default('UTC'),
  period: PeriodRefSchema.optional(),
  full: z.boolean().optional(),
  json: z.boolean().default(false),
});

/** The instant in the schedule's own zone, as a person there reads it. */
function localTime(iso: string | null, zone: string): string {
  if (iso === null) return '-';
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
  return `${text} ${zone}`;
}

function printSchedules(output: Output, views: readonly ScheduleView[], json: boolean): void {
  if (json) {
    output.print(JSON.stringify(views, null, 2));
    return;
  }
  if (views.length === 0) {
    output.print('No schedules. Add one with "tally schedule set" or start "tally worker".');
    return;
  }
  for (const view of views) {
    const payload = Object.entries(view.payload)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    output.print(
      `${view.id}  ${view.job}${payload ? ` (${payload})` : ''}  "${view.cron}" ${view.tz}  next ${localTime(view.next, view.tz)} = ${view.next ?? '-'}`,
    );
  }
}

async function withQueues<T>(
  work: (queues: Awaited<ReturnType<typeof openQueues>>['queues']) => Promise<T>,
): Promise<T> {
  const open = await openQueues(process.env);
  try {
    return await work(open.queues);
  } finally {
    await open.close();
  }
}

/** `tally schedule list`: the schedules stored in Redis with their next run. */
export async function scheduleListAction(raw: unknown, output: Output): Promise<void> {
  const flags = parseOptions('schedule list', JsonFlagSchema, raw);
  printSchedules(output, await withQueues(listSchedules), flags.json);
}

/** `tally schedule set`: creates or replaces one schedule. */
export async function scheduleSetAction(
  id: string,
  raw: Record<string, unknown>,
  output: Output,
): Promise<void> {
  const { period, full, json, ...rest } = parseOptions('schedule set', SetFlagsSchema, raw);
  const input = {
    id,
    ...rest,
    payload: {
      ...(period === undefined ? {} : { period }),
      ...(full === undefined ? {} : { full }),
    },
  };
  const parsed = parseOptions('schedule set', ScheduleSchema, input);
  const view = await withQueues((queues) => upsertSchedule(queues, parsed));
  printSchedules(output, [view], json);
}

/** `tally schedule remove`: removes one schedule; jobs it already queued stay. */
export async function scheduleRemoveAction(id: string, output: Output): Promise<void> {
  await withQueues((queues) => removeSchedule(queues, id));
  output.print(`Removed schedule ${id}.`);
}

/** `tally schedule apply`: applies the schedules file, as the worker does. */
export async function scheduleApplyAction(raw: unknown, output: Output): Promise<void> {
  const flags = parseOptions(
    'schedule apply',
    JsonFlagSchema.extend({ file: z.string().min(1).optional() }),
    raw,
  );
  const loaded = loadSchedules(flags.file ?? process.env.TALLY_SCHEDULES, process.cwd());
  const views = await withQueues((queues) => applySchedules(queues, loaded.schedules));
  if (!flags.json)
    output.print(
      `Applied ${views.length} schedule(s) from ${loaded.file ?? 'the built-in defaults'}.`,
    );
  printSchedules(output, views, flags.json);
}
