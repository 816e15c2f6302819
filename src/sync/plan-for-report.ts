import type { LocalDate, Period } from '../domain/types';
import { TallyFieldsMissingError } from './errors';
import type { ClosedPlan } from './invoiced-plan';
import type { OdooReader } from './read/odoo-reader';
import { planPeriod, type PeriodPlan } from './plan-period';
import { readPeriod, type PeriodFacts, type ReadPeriodConfig } from './read-period';
import { syncPeriod } from './sync-period';
import type { OdooWriter } from './write/apply-writes';

/** Facts and plans of a period as reports show them, and where the billing history came from. */
export interface ReportPlan {
  readonly facts: PeriodFacts;
  /** Open customers as their drafts are planned; closed ones as their invoice stands. */
  readonly plan: PeriodPlan;
  /** `invoices`: Tally's own invoices (the drafts' plan exactly); `assumed`: derived from the time. */
  readonly history: 'invoices' | 'assumed';
  /** Customers whose invoice of the period is posted or cancelled (none before `tally setup`). */
  readonly closed: readonly ClosedPlan[];
}

/**
 * The plan reports (statements, `tally report`, `tally explain`) show, computed by a dry run of
 * the sync against Tally's own invoices: for a customer with an open draft exactly the draft's
 * plan; for one whose invoice is posted or cancelled that invoice as it stands, so time logged
 * later is shown once, where it is billed (a correction on a later draft). On a database
 * `tally setup` has not prepared yet, the read-only plan that assumes earlier periods were billed
 * by the same rules.
 */
export async function planForReport(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  input: { period: Period; customerId?: number; today: LocalDate },
): Promise<ReportPlan> {
  const only = input.customerId === undefined ? {} : { customerId: input.customerId };
  try {
    const result = await syncPeriod(client, config, {
      period: input.period,
      today: input.today,
      dryRun: true,
      ...only,
    });
    const closedOf = new Map(result.closedPlans.map((entry) => [entry.customerId, entry.plan]));
    return {
      facts: result.facts,
      plan: {
        period: result.period,
        company: result.facts.company,
        plans: result.plans.map(({ customer, plan }) => ({
          customer,
          plan: closedOf.get(customer.id) ?? plan,
        })),
        problems: result.problems,
      },
      history: 'invoices',
      closed: result.closedPlans,
    };
  } catch (error) {
    if (!(error instanceof TallyFieldsMissingError)) throw error;
    const facts = await readPeriod(client, config, { period: input.period, ...only });
    return { facts, plan: planPeriod(facts, config.settings), history: 'assumed', closed: [] };
  }
}
