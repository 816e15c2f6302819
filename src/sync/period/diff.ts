import type { Minutes, Period } from '../../domain/types';
import { minutes } from '../../domain/types';
import type { CustomerPlan } from '../plan-period';
import type { LedgerEntry } from '../write/billing-ledger';
import { markCarriers } from '../write/mark-carriers';
import { closedInvoice, linksInRun, planInvoiceWrites } from '../write/plan-invoice-writes';
import { planNotices } from '../write/plan-notices';
import { deliveryWrites, packDeliveries, type PackDelivery } from '../write/plan-pack-deliveries';
import { stampsToWrite } from '../write/plan-stamps';
import { groupMarks, markChanges, type MarkCarriers } from '../write/plan-timesheet-marks';
import { mergeGroupWrites, type WritePlan } from '../write/write-plan';
import type { ReadPeriodConfig } from '../read-period';
import type { PeriodPlan } from './plan';
import type { PeriodSnapshot } from './snapshot';

/** The writes a run of several months leaves to its end (src/sync/write/deferred-writes.ts). */
export interface DeferredShare {
  readonly decided: readonly number[];
  readonly marks: ReadonlyMap<number, Record<string, unknown>>;
  readonly deliveries: readonly PackDelivery[];
  readonly carriers: MarkCarriers | null;
}

/**
 * The minimal writes that bring Odoo from the snapshot to the plan (pure): each draft created,
 * updated or removed; timesheet marks and stamps, riding in the drafts' own writes where they
 * can; pack deliveries; review notes and notices. With `defer`, marks no draft carries and pack
 * deliveries are handed back for the run's end instead of written now.
 */
export function diffPeriod(
  snapshot: PeriodSnapshot,
  planned: PeriodPlan,
  config: ReadPeriodConfig,
  options: { readonly period: Period; readonly defer: boolean },
): { writes: WritePlan; deferred: DeferredShare | null } {
  const { current, facts, billing, profile } = snapshot;
  const { plans, drafted, decisions } = planned;
  const context = {
    products: planned.products,
    currencyDecimals: config.currencyDecimals,
    linkTimesheetInvoice: snapshot.linkTimesheetInvoice,
    linkedInRun: linksInRun(drafted, current.moves),
  };
  const stamps = stampsToWrite(
    facts,
    new Set(
      plans
        .filter(({ plan }) => closedInvoice(plan, current.moves) !== null)
        .map(({ plan }) => plan.customerId),
    ),
    billing.closed,
  );
  const timesheets = new Map(facts.odoo.timesheets.map((line) => [line.id, line]));
  const marks = markChanges(decisions, timesheets, config.settings, planned.drawnIds, stamps.own);
  for (const [id, values] of stamps.earlier) if (!marks.has(id)) marks.set(id, values);
  const invoiceWrites = drafted.map(({ plan, desired }) =>
    planInvoiceWrites(plan, current, context, marks, desired),
  );
  const closed = invoiceWrites.flatMap((writes) => (writes.closed === null ? [] : [writes.closed]));
  const closedCustomers = new Set(closed.map((entry) => String(entry.customerId)));
  const riding = new Set(invoiceWrites.flatMap((writes) => writes.marked));
  const deliveries = packDeliveries(facts.odoo.packSaleLines, (packId) =>
    minutes(
      packDrawn(packId, billing.ledger, plans, closedCustomers, options.period) +
        (billing.preTally.get(packId) ?? 0),
    ),
  );
  const carriers = markCarriers(profile, [
    ...facts.odoo.timesheets,
    ...facts.odoo.earlierTimesheets,
  ]);
  const notices = periodNotices(snapshot, planned, closedCustomers, options.period);
  const derived = options.defer
    ? []
    : [...groupMarks(marks, riding, carriers), ...deliveryWrites(deliveries)];
  return {
    writes: {
      createMoves: invoiceWrites.flatMap((writes) =>
        writes.create === null ? [] : [writes.create],
      ),
      updateMoves: invoiceWrites.flatMap((writes) =>
        writes.update === null ? [] : [writes.update],
      ),
      unlinkMoves: invoiceWrites.flatMap((writes) => writes.unlink),
      groupWrites: mergeGroupWrites([...derived, ...notices.reviewWrites]),
      activities: notices.activities,
      noticeWrites: mergeGroupWrites(notices.noticeWrites),
      closed,
    },
    deferred: options.defer
      ? {
          decided: decisions.map((decision) => Number(decision.lineId)),
          marks: new Map([...marks].filter(([id]) => !riding.has(id))),
          deliveries,
          carriers,
        }
      : null,
  };
}

/** Review notes and notices of the open plans (a closed month's notes are left as they are). */
function periodNotices(
  snapshot: PeriodSnapshot,
  planned: PeriodPlan,
  closedCustomers: ReadonlySet<string>,
  period: Period,
) {
  return planNotices({
    period,
    plans: [
      ...planned.plans
        .filter(({ plan }) => !closedCustomers.has(plan.customerId))
        .map(({ plan }) => plan),
      { period, reviewItems: planned.orphans.reviewItems, events: [] },
    ],
    tickets: snapshot.noticeTargets.tickets,
    customers: snapshot.noticeTargets.customers,
    openActivityKeys: snapshot.noticeTargets.openActivityKeys,
    closedTickets: new Set(
      snapshot.facts.tickets
        .filter((ticket) => closedCustomers.has(String(ticket.customerId)))
        .map((ticket) => Number(ticket.id)),
    ),
  });
}

/** Everything drawn from a pack: other periods as invoiced, this period as planned (if open). */
function packDrawn(
  packId: string,
  ledger: readonly LedgerEntry[],
  plans: readonly CustomerPlan[],
  closedCustomers: ReadonlySet<string>,
  period: Period,
): Minutes {
  let total = 0;
  for (const entry of ledger) {
    if (entry.kind !== 'drawdown' || entry.discriminator !== packId) continue;
    if (entry.period !== period || closedCustomers.has(entry.customerId)) total += entry.minutes;
  }
  for (const { plan } of plans) {
    if (closedCustomers.has(plan.customerId)) continue;
    for (const balance of plan.packBalances) if (balance.packId === packId) total += balance.drawn;
  }
  return minutes(total);
}
