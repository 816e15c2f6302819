import type { Decision } from '../../domain/decision';
import { reviewItemOf } from '../../domain/invoice-plan';
import { parseLineKey } from '../../domain/line-key';
import type { EngineSettings } from '../../domain/settings';
import { MODELS } from '../../odoo/models';
import { billingHistory } from '../billing-history';
import { withCorrectionOrigins } from '../correction-origins';
import { SyncSetupError } from '../errors';
import type { SyncProblem } from '../map/mapped';
import { planCustomers, type CustomerPlan } from '../plan-period';
import type { PeriodFacts, ReadPeriodConfig } from '../read-period';
import { unassignedDecisions } from '../unassigned-work';
import { desiredLines, type DesiredLine } from '../write/desired-invoice';
import type { PeriodSnapshot } from './snapshot';

/** What the rules say of one period, before it is compared with Odoo. */
export interface PeriodPlan {
  /** The facts planned, packs with their opening balances. */
  readonly facts: PeriodFacts;
  readonly plans: readonly CustomerPlan[];
  /** Each customer's plan as the invoice lines it wants. */
  readonly drafted: readonly {
    readonly plan: CustomerPlan['plan'];
    readonly desired: readonly DesiredLine[];
  }[];
  /** Work on tickets without a customer: held for review, on no invoice. */
  readonly orphans: ReturnType<typeof orphanWork>;
  /** Every decision of the period, customers' and orphans'. */
  readonly decisions: readonly Decision[];
  /** Timesheets a prepaid drawdown carries (marked "prepaid", not "billable"). */
  readonly drawnIds: ReadonlySet<number>;
  readonly products: {
    readonly hourlyProductId: number;
    readonly feeTaxIds: readonly number[];
    readonly packProductIds: ReadonlyMap<string, number>;
  };
}

/** Plans every customer of the snapshot from the rules and the billing history (pure). */
export function planSnapshot(snapshot: PeriodSnapshot, config: ReadPeriodConfig): PeriodPlan {
  const { facts, billing } = snapshot;
  const billed = billingHistory(facts, billing.ledger, config.settings, billing.invoiced);
  const planned: PeriodFacts = { ...facts, packs: billing.packs };
  const plans = planCustomers(planned, billed, config.settings).map(({ customer, plan }) => ({
    customer,
    plan: withCorrectionOrigins(plan, billing.ledger),
  }));
  const hourlyProductId = facts.odoo.hourlyProductId;
  if (hourlyProductId === null) {
    throw new SyncSetupError(
      `No product with internal reference "${config.sources.hourlyProductCode}": create it (tally setup --create-products) or set sources.hourlyProductCode.`,
      { details: { productCode: config.sources.hourlyProductCode } },
    );
  }
  const products = {
    hourlyProductId,
    feeTaxIds: facts.odoo.hourlyProductTaxIds,
    packProductIds: new Map(
      facts.odoo.packSaleLines.map((line) => [String(line.id), line.productId]),
    ),
  };
  const drafted = plans.map(({ plan }) => ({
    plan,
    desired: desiredLines(plan, products, config.currencyDecimals),
  }));
  const orphans = orphanWork(facts, config.settings);
  return {
    facts: planned,
    plans,
    drafted,
    orphans,
    decisions: [...plans.flatMap(({ plan }) => plan.decisions), ...orphans.decisions],
    drawnIds: new Set(
      drafted.flatMap(({ desired }) =>
        desired
          .filter((line) => parseLineKey(line.key)?.kind === 'drawdown')
          .flatMap((line) => line.timesheetIds),
      ),
    ),
    products,
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
