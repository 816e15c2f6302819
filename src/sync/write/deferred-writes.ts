import type { AppliedWrites, OdooWriter } from './apply-writes';
import { applyWrites } from './apply-writes';
import { deliveryWrites, type PackDelivery } from './plan-pack-deliveries';
import { groupMarks, type MarkCarriers } from './plan-timesheet-marks';
import type { GroupWrite, WritePlan } from './write-plan';

/**
 * The writes a run of several months leaves to its end: marks of timesheets no invoice carries,
 * and each pack's delivered hours. No month reads them back (they describe the invoices, they do
 * not feed the plan), and month after month they repeat the same values (a category held for the
 * same reason, a pack's running total), so a run writes each distinct value once instead of once
 * per month. A run that stops before the end leaves them to the next run, which computes every
 * one of them again from Odoo's state.
 */
export class DeferredWrites {
  private readonly marks = new Map<number, Record<string, unknown>>();
  private readonly deliveries = new Map<number, PackDelivery>();
  private readonly ticketOf = new Map<number, number>();
  private ticketField: string | null = null;

  /**
   * One month's share. `decided` are all the timesheets the month classified: a later month's
   * verdict on a timesheet replaces an earlier one, even when it needs no write.
   */
  add(
    decided: Iterable<number>,
    marks: ReadonlyMap<number, Record<string, unknown>>,
    deliveries: readonly PackDelivery[],
    carriers: MarkCarriers | null = null,
  ): void {
    if (carriers !== null) {
      this.ticketField = carriers.ticketField;
      for (const [line, ticket] of carriers.ticketOf) this.ticketOf.set(line, ticket);
    }
    for (const id of decided) this.marks.delete(id);
    // A later month may stamp an earlier month's line (a correction): keep that month's mark.
    for (const [id, values] of marks) this.marks.set(id, { ...this.marks.get(id), ...values });
    for (const delivery of deliveries) this.deliveries.set(delivery.saleLineId, delivery);
  }

  /** The writes still owed: identical marks share one call, the rest ride on their ticket. */
  planned(): GroupWrite[] {
    const carriers =
      this.ticketField === null ? null : { ticketField: this.ticketField, ticketOf: this.ticketOf };
    return [
      ...groupMarks(this.marks, new Set(), carriers),
      ...deliveryWrites(this.deliveries.values()),
    ];
  }

  /** Makes the owed writes and forgets them. */
  async flush(client: OdooWriter, today: string, signal?: AbortSignal): Promise<AppliedWrites> {
    const plan: WritePlan = {
      createMoves: [],
      updateMoves: [],
      unlinkMoves: [],
      groupWrites: this.planned(),
      activities: [],
      noticeWrites: [],
      closed: [],
    };
    const applied = await applyWrites(client, plan, today, signal);
    this.marks.clear();
    this.deliveries.clear();
    this.ticketOf.clear();
    return applied;
  }
}
