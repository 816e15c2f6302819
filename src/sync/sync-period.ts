import type { CompanyContext } from '../domain/facts';
import type { LocalDate, Period } from '../domain/types';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import { originsIn } from './correction-origins';
import { closedPlans, type ClosedPlan } from './invoiced-plan';
import type { SyncProblem } from './map/mapped';
import { diffPeriod } from './period/diff';
import { planSnapshot } from './period/plan';
import { readPeriodSnapshot } from './period/snapshot';
import type { CustomerPlan } from './plan-period';
import type { PeriodFacts, ReadPeriodConfig } from './read-period';
import type { OdooReader } from './read/odoo-reader';
import { applyWrites, type AppliedWrites, type OdooWriter } from './write/apply-writes';
import type { DeferredWrites } from './write/deferred-writes';
import type { ClosedInvoice, WritePlan } from './write/write-plan';

export interface SyncPeriodOptions {
  readonly period: Period;
  /** Only this commercial partner (Odoo id). */
  readonly customerId?: number;
  /** Plan and compute the writes, make none. */
  readonly dryRun?: boolean;
  /** Tickets whose earlier time changed after their invoice was posted (see sync-changes.ts). */
  readonly extraTicketIds?: readonly number[];
  /** The company's today, the deadline of new activities. */
  readonly today: LocalDate;
  readonly profile?: FieldProfile;
  /** The company and its zone, when the caller already read them. */
  readonly company?: CompanyContext;
  /** Aborted when the run must stop (lost customer lock, shutdown): no write is made after it. */
  readonly signal?: AbortSignal;
  /**
   * A run of several months: marks no invoice carries and pack deliveries are left here for the
   * run to write once at its end (see deferred-writes.ts) instead of being written now.
   */
  readonly deferred?: DeferredWrites;
}

export interface PeriodSyncResult {
  readonly period: Period;
  /** What was read, with pack balances as Tally's invoices record them (for statements). */
  readonly facts: PeriodFacts;
  readonly plans: readonly CustomerPlan[];
  readonly writes: WritePlan;
  /** null on a dry run. */
  readonly applied: AppliedWrites | null;
  readonly closed: readonly ClosedInvoice[];
  /** The closed customers' invoices as plans: what reports show for them (see invoiced-plan.ts). */
  readonly closedPlans: readonly ClosedPlan[];
  readonly problems: readonly SyncProblem[];
}

/**
 * Syncs one billing period in four stages: a snapshot of what Odoo holds (read), the plan the
 * rules and the billing history make of it (pure), the minimal writes from one to the other
 * (pure), and those writes (apply). Planning is deterministic and every write is computed against
 * Odoo's current state, so a rerun writes nothing and a run cut short is completed by the next.
 */
export async function syncPeriod(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  options: SyncPeriodOptions,
): Promise<PeriodSyncResult> {
  const snapshot = await readPeriodSnapshot(client, config, options);
  const planned = planSnapshot(snapshot, config);
  const defer = options.deferred !== undefined && options.dryRun !== true;
  const { writes, deferred } = diffPeriod(snapshot, planned, config, {
    period: options.period,
    defer,
  });
  if (deferred !== null)
    options.deferred?.add(deferred.decided, deferred.marks, deferred.deliveries, deferred.carriers);
  const applied =
    options.dryRun === true
      ? null
      : await applyWrites(client, writes, options.today, options.signal);
  const { current, billing } = snapshot;
  return {
    period: options.period,
    facts: planned.facts,
    plans: planned.plans,
    writes,
    applied,
    closed: writes.closed,
    closedPlans: closedPlans(
      planned.plans,
      writes.closed,
      current,
      config.currencyDecimals,
      originsIn(billing.ledger, { period: options.period }),
    ),
    problems: [
      ...snapshot.facts.problems,
      ...planned.orphans.problems,
      ...current.problems,
      ...billing.problems,
      ...snapshot.noticeTargets.problems,
    ],
  };
}
