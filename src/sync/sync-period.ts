import type { CompanyContext } from '../domain/facts';
import { parseLineKey } from '../domain/line-key';
import { reviewItemOf } from '../domain/invoice-plan';
import type { EngineSettings } from '../domain/settings';
import type { LocalDate, Minutes, Period } from '../domain/types';
import { minutes } from '../domain/types';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import { MODELS } from '../odoo/models';
import { billingHistory } from './billing-history';
import { originsIn, withCorrectionOrigins } from './correction-origins';
import { closedPlans, type ClosedPlan } from './invoiced-plan';
import { readBillingState, withDraftCustomers } from './billing-state';
import { SyncSetupError, TallyFieldsMissingError } from './errors';
import type { SyncProblem } from './map/mapped';
import { planCustomers, type CustomerPlan } from './plan-period';
import { readPeriod, type PeriodFacts, type ReadPeriodConfig } from './read-period';
import { unassignedDecisions } from './unassigned-work';
import { readNoticeTargets } from './read/read-notice-targets';
import { readReviewerUid } from './read/read-reviewer';
import type { OdooReader } from './read/odoo-reader';
import { readPeriodInvoices } from './read/read-tally-invoices';
import { applyWrites, type AppliedWrites, type OdooWriter } from './write/apply-writes';
import type { LedgerEntry } from './write/billing-ledger';
import { closedInvoice, linksInRun, planInvoiceWrites } from './write/plan-invoice-writes';
import { planNotices } from './write/plan-notices';
import type { DeferredWrites } from './write/deferred-writes';
import { deliveryWrites, packDeliveries } from './write/plan-pack-deliveries';
import { groupMarks, markChanges } from './write/plan-timesheet-marks';
import { markCarriers } from './write/mark-carriers';
import { stampsToWrite } from './write/plan-stamps';
import { desiredLines } from './write/desired-invoice';
import {
  mergeGroupWrites,
  type ClosedInvoice,
  type GroupWrite,
  type WritePlan,
} from './write/write-plan';

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

/** Profiles whose database was already found to have Tally's fields (a run syncs several months). */
const checkedProfiles = new WeakSet<FieldProfile>();

/** The Tally fields a sync cannot work without (created by `tally setup`), by model. */
const REQUIRED_TALLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [MODELS.accountMove]: ['x_tally_key', 'x_tally_timesheet_ids'],
  [MODELS.accountMoveLine]: ['x_tally_key', 'x_tally_timesheet_ids', 'x_tally_ticket_id'],
  [MODELS.analyticLine]: [
    'x_tally_coverage',
    'x_tally_invoice_line_id',
    'x_tally_move_id',
    'x_tally_stamp',
  ],
  [MODELS.helpdeskTicket]: ['x_tally_review', 'x_tally_notices'],
};

async function ensureTallyFields(client: OdooReader, profile: FieldProfile): Promise<void> {
  if (checkedProfiles.has(profile)) return;
  const missing: string[] = [];
  for (const [model, fields] of Object.entries(REQUIRED_TALLY_FIELDS)) {
    const known =
      profile.fieldsByModel[model] ?? Object.keys(await client.model(model).fieldsGet(['type']));
    missing.push(...fields.filter((field) => !known.includes(field)).map((f) => `${model}.${f}`));
  }
  if (missing.length > 0) {
    throw new TallyFieldsMissingError(
      `Tally's fields are missing in Odoo (${missing.join(', ')}): run \`tally setup\` once with a user in Administration / Settings.`,
      { details: { missing } },
    );
  }
  checkedProfiles.add(profile);
}

/**
 * Syncs one billing period: reads it, plans every customer's draft from the rules and the billing
 * history Tally's own invoices record, and makes the minimal writes that bring Odoo to the plan.
 * Planning is deterministic and every write is computed against Odoo's current state, so a rerun
 * writes nothing and a run cut short is completed by the next.
 */
export async function syncPeriod(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  options: SyncPeriodOptions,
): Promise<PeriodSyncResult> {
  const profile = options.profile ?? (await detectFieldProfile(fieldNamesVia(client)));
  await ensureTallyFields(client, profile);
  const linkTimesheetInvoice = (profile.fieldsByModel[MODELS.analyticLine] ?? []).includes(
    'timesheet_invoice_id',
  );
  const current = await readPeriodInvoices(client, options.period, options.customerId, {
    withTimesheetInvoiceLinks: linkTimesheetInvoice,
  });
  const ticketsOnDrafts = current.lines.flatMap((line) => {
    const key = line.x_tally_key === null ? null : parseLineKey(line.x_tally_key);
    return key?.ticketId == null ? [] : [Number(key.ticketId)];
  });
  let facts = await readPeriod(client, config, {
    period: options.period,
    ...(options.company !== undefined ? { company: options.company } : {}),
    ...(options.customerId !== undefined ? { customerId: options.customerId } : {}),
    profile,
    extraTicketIds: [...ticketsOnDrafts, ...(options.extraTicketIds ?? [])],
  });
  facts = withDraftCustomers(facts, current.moves);
  const customerIds = facts.customers.map((customer) => Number(customer.id));
  const {
    ledger,
    invoiced,
    closed: closedMonths,
    preTally,
    packs,
    problems: historyProblems,
  } = await readBillingState(client, facts, options.period);
  const billed = billingHistory(facts, ledger, config.settings, invoiced);
  const planned: PeriodFacts = { ...facts, packs };
  const plans = planCustomers(planned, billed, config.settings).map(({ customer, plan }) => ({
    customer,
    plan: withCorrectionOrigins(plan, ledger),
  }));

  const hourlyProductId = facts.odoo.hourlyProductId;
  if (hourlyProductId === null) {
    throw new SyncSetupError(
      `No product with internal reference "${config.sources.hourlyProductCode}": create it (tally setup --create-products) or set sources.hourlyProductCode.`,
      { details: { productCode: config.sources.hourlyProductCode } },
    );
  }
  const context = {
    products: {
      hourlyProductId,
      feeTaxIds: facts.odoo.hourlyProductTaxIds,
      packProductIds: new Map(
        facts.odoo.packSaleLines.map((line) => [String(line.id), line.productId]),
      ),
    },
    currencyDecimals: config.currencyDecimals,
    linkTimesheetInvoice,
  };
  const orphans = orphanWork(facts, config.settings);
  const drafted = plans.map(({ plan }) => ({
    plan,
    desired: desiredLines(plan, context.products, context.currencyDecimals),
  }));
  // Which timesheets a prepaid drawdown carries decides their mark ("prepaid", not "billable").
  const drawnIds = new Set(
    drafted.flatMap(({ desired }) =>
      desired
        .filter((line) => parseLineKey(line.key)?.kind === 'drawdown')
        .flatMap((line) => line.timesheetIds),
    ),
  );
  const linkedInRun = linksInRun(drafted, current.moves);
  const timesheets = new Map(facts.odoo.timesheets.map((line) => [line.id, line]));
  const decisions = [...plans.flatMap(({ plan }) => plan.decisions), ...orphans.decisions];
  const stamps = stampsToWrite(
    facts,
    new Set(
      plans
        .filter(({ plan }) => closedInvoice(plan, current.moves) !== null)
        .map(({ plan }) => plan.customerId),
    ),
    closedMonths,
  );
  const marks = markChanges(decisions, timesheets, config.settings, drawnIds, stamps.own);
  for (const [id, values] of stamps.earlier) if (!marks.has(id)) marks.set(id, values);
  const invoiceWrites = drafted.map(({ plan, desired }) =>
    planInvoiceWrites(plan, current, { ...context, linkedInRun }, marks, desired),
  );
  const closed = invoiceWrites.flatMap((writes) => (writes.closed === null ? [] : [writes.closed]));
  const closedCustomers = new Set(closed.map((entry) => String(entry.customerId)));
  const riding = new Set(invoiceWrites.flatMap((writes) => writes.marked));
  const deliveries = packDeliveries(facts.odoo.packSaleLines, (packId) =>
    minutes(
      packDrawn(packId, ledger, plans, closedCustomers, options.period) +
        (preTally.get(packId) ?? 0),
    ),
  );
  const defer = options.deferred !== undefined && options.dryRun !== true;
  const carriers = markCarriers(profile, [
    ...facts.odoo.timesheets,
    ...facts.odoo.earlierTimesheets,
  ]);
  if (defer) {
    options.deferred?.add(
      decisions.map((decision) => Number(decision.lineId)),
      new Map([...marks].filter(([id]) => !riding.has(id))),
      deliveries,
      carriers,
    );
  }
  const derivedWrites = defer
    ? []
    : [...groupMarks(marks, riding, carriers), ...deliveryWrites(deliveries)];
  const openPlans = [
    ...plans.filter(({ plan }) => !closedCustomers.has(plan.customerId)).map(({ plan }) => plan),
    { period: options.period, reviewItems: orphans.reviewItems, events: [] },
  ];
  const targets = await readNoticeTargets(
    client,
    facts.tickets.map((ticket) => Number(ticket.id)),
    customerIds,
    {
      teamModel: profile.teamModel,
      teamLeaderField: profile.teamLeaderField,
      reviewerUid: await readReviewerUid(client, config.reviewerLogin),
    },
  );
  const notices = planNotices({
    period: options.period,
    plans: openPlans,
    tickets: targets.tickets,
    customers: targets.customers,
    openActivityKeys: targets.openActivityKeys,
    closedTickets: new Set(
      facts.tickets
        .filter((ticket) => closedCustomers.has(String(ticket.customerId)))
        .map((ticket) => Number(ticket.id)),
    ),
  });

  const groupWrites: GroupWrite[] = [...derivedWrites, ...notices.reviewWrites];
  const writes: WritePlan = {
    createMoves: invoiceWrites.flatMap((writes) => (writes.create === null ? [] : [writes.create])),
    updateMoves: invoiceWrites.flatMap((writes) => (writes.update === null ? [] : [writes.update])),
    unlinkMoves: invoiceWrites.flatMap((writes) => writes.unlink),
    groupWrites: mergeGroupWrites(groupWrites),
    activities: notices.activities,
    noticeWrites: mergeGroupWrites(notices.noticeWrites),
    closed,
  };
  const applied =
    options.dryRun === true
      ? null
      : await applyWrites(client, writes, options.today, options.signal);
  return {
    period: options.period,
    facts: planned,
    plans,
    writes,
    applied,
    closed,
    closedPlans: closedPlans(
      plans,
      closed,
      current,
      config.currencyDecimals,
      originsIn(ledger, { period: options.period }),
    ),
    problems: [
      ...facts.problems,
      ...orphans.problems,
      ...current.problems,
      ...historyProblems,
      ...targets.problems,
    ],
  };
}

/**
 * Work on tickets without a customer belongs to no invoice; it is classified anyway (every such
 * line is held for review, naming the ticket) so staff see it and nothing is dropped silently.
 */
function orphanWork(facts: PeriodFacts, settings: EngineSettings) {
  const decisions = unassignedDecisions(facts, settings);
  const reviewItems = decisions
    .filter((decision) => decision.coverage === 'review')
    .map(reviewItemOf);
  const problems: SyncProblem[] = [...new Set(reviewItems.map((item) => item.ticketId))].map(
    (ticketId) => ({
      model: MODELS.helpdeskTicket,
      recordId: Number(ticketId),
      path: 'partner_id',
      message: 'the ticket has no customer: its time is held for review',
    }),
  );
  return { decisions, reviewItems, problems };
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
