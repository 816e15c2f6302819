import { z } from 'zod';
import { period, type Period } from '../domain';
import { where } from '../odoo/filter';
import { MODELS } from '../odoo/models';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import type { OdooReader } from './read/odoo-reader';

const DatedRowSchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** The billing period of the newest timesheet logged on a ticket, or null when there is none. */
export async function latestPeriodWithWork(
  reader: OdooReader,
  profile: FieldProfile,
): Promise<Period | null> {
  const rows = await reader
    .model(MODELS.analyticLine)
    .searchRead(where(profile.timesheetTicketField, '!=', false), {
      fields: ['date'],
      order: 'date desc, id desc',
      limit: 1,
    });
  const first = rows[0];
  if (first === undefined) return null;
  // A timesheet's `date` is a calendar day already, so its first seven characters are its period.
  return period(DatedRowSchema.parse(first).date.slice(0, 7));
}
