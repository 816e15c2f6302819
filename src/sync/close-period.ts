import type { CompanyContext } from '../domain/facts';
import { periodBounds } from '../domain/periods';
import type { LocalDate, Period } from '../domain/types';
import { MODELS } from '../odoo/models';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import type { ReadPeriodConfig } from './read-period';
import { readPeriodInvoices } from './read/read-tally-invoices';
import { readNoticeKeys } from './read/read-notice-targets';
import { syncPeriod, type PeriodSyncResult } from './sync-period';
import type { OdooReader } from './read/odoo-reader';
import { applyWrites, type OdooWriter } from './write/apply-writes';
import { noticeMarker } from './write/plan-notices';
import type { ActivityCreate, GroupWrite } from './write/write-plan';

export interface ClosePeriodResult {
  readonly sync: PeriodSyncResult;
  /** The customer's draft for the period, or null when there is nothing to invoice (or it is posted). */
  readonly invoiceId: number | null;
  readonly reviewActivities: number;
}

/**
 * Finalises one customer's draft for a finished period: a last sync (minimums, monthly fees and
 * late edits all settled), the invoice date set to the period's last day, and one activity asking
 * finance to review and post it. Tally never posts. Rerunning it changes nothing.
 */
export async function closeCustomerPeriod(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  input: {
    period: Period;
    customerId: number;
    today: LocalDate;
    reviewerId?: number;
    signal?: AbortSignal;
    /** The database's field profile and company when the caller already read them. */
    profile?: FieldProfile;
    company?: CompanyContext;
  },
): Promise<ClosePeriodResult> {
  const sync = await syncPeriod(client, config, {
    period: input.period,
    customerId: input.customerId,
    today: input.today,
    ...(input.signal !== undefined ? { signal: input.signal } : {}),
    ...(input.profile !== undefined ? { profile: input.profile } : {}),
    ...(input.company !== undefined ? { company: input.company } : {}),
  });
  const invoices = await readPeriodInvoices(client, input.period, input.customerId);
  const draft = invoices.moves.find((move) => move.state === 'draft');
  if (draft === undefined) return { sync, invoiceId: null, reviewActivities: 0 };

  const lastDay = periodBounds(input.period).last;
  const key = `close:${input.period}`;
  const told = await readNoticeKeys(client, MODELS.accountMove, draft.id);
  const groupWrites: GroupWrite[] =
    draft.invoice_date === lastDay
      ? []
      : [{ model: MODELS.accountMove, ids: [draft.id], values: { invoice_date: lastDay } }];
  const activities: ActivityCreate[] = [];
  const noticeWrites: GroupWrite[] = [];
  if (!told.recorded.includes(key)) {
    if (!told.open.includes(key)) {
      activities.push({
        model: MODELS.accountMove,
        recordId: draft.id,
        userId: input.reviewerId ?? client.uid,
        noticeKey: key,
        summary: `Tally: review and post the ${input.period} invoice`,
        note: `Tally finished this draft for ${input.period}: check it and post it. ${noticeMarker(key)}`,
      });
    }
    noticeWrites.push({
      model: MODELS.accountMove,
      ids: [draft.id],
      values: { x_tally_notices: [...told.recorded, key].join(' ') },
    });
  }
  await applyWrites(
    client,
    {
      createMoves: [],
      updateMoves: [],
      unlinkMoves: [],
      groupWrites,
      activities,
      noticeWrites,
      closed: [],
    },
    input.today,
    input.signal,
  );
  return { sync, invoiceId: draft.id, reviewActivities: activities.length };
}
