/**
 * Recurring work, declared in `config/schedules.yaml` and managed with `tally schedule`. Each entry
 * becomes a BullMQ job scheduler (`upsertJobScheduler`) with a cron pattern in an IANA time zone.
 */
import { getNextMillis } from 'bullmq';
import { z } from 'zod';
import { SCHEDULABLE_JOB_NAMES } from './names';
import { SCHEDULABLE_PAYLOADS } from './payloads';

function isCron(pattern: string): boolean {
  // cron-parser fills in missing fields, which would hide a forgotten one ("0 2 * *").
  const fields = pattern.split(/\s+/).length;
  if (!pattern.startsWith('@') && (fields < 5 || fields > 6)) return false;
  try {
    return getNextMillis(0, { pattern, tz: 'UTC' }) !== undefined;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ScheduleSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9:._-]*$/,
        'must be lowercase letters, digits and : . _ - (a stable name such as sync:current-period)',
      ),
    job: z.enum(SCHEDULABLE_JOB_NAMES, {
      error: `must be one of ${SCHEDULABLE_JOB_NAMES.join(', ')}`,
    }),
    cron: z
      .string()
      .trim()
      .refine(
        isCron,
        'must be a cron pattern such as "*/15 * * * *" (minute hour day month weekday)',
      ),
    tz: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm')
      .default('UTC')
      .describe('Time zone the cron pattern is read in. Default UTC.'),
    payload: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The job's payload, e.g. { period: current, full: false }. Default {}."),
  })
  .strict()
  .transform((schedule, ctx) => {
    const payload = SCHEDULABLE_PAYLOADS[schedule.job].safeParse(schedule.payload);
    if (!payload.success) {
      for (const issue of payload.error.issues)
        ctx.addIssue({ code: 'custom', path: ['payload', ...issue.path], message: issue.message });
      return z.NEVER;
    }
    return { ...schedule, payload: payload.data as Record<string, unknown> };
  });
export type ScheduleInput = z.input<typeof ScheduleSchema>;
export type Schedule = z.infer<typeof ScheduleSchema>;

export const SchedulesFileSchema = z
  .object({ schedules: z.array(ScheduleSchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.schedules.forEach((schedule, index) => {
      if (seen.has(schedule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['schedules', index, 'id'],
          message: 'is used twice',
        });
      seen.add(schedule.id);
    });
  });

/** The schedules a worker applies when no schedules file exists (the same as config/schedules.yaml). */
export const DEFAULT_SCHEDULES: readonly Schedule[] = [
  {
    id: 'sync:current-period',
    job: 'sync',
    cron: '*/15 * * * *',
    tz: 'Europe/Stockholm',
    payload: { period: 'current', full: false },
  },
  {
    id: 'close-period:previous-month',
    job: 'close-period',
    cron: '0 6 1 * *',
    tz: 'Europe/Stockholm',
    payload: { period: 'previous' },
  },
];
