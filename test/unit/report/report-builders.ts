import type { EngineSettings, PlanInput } from '../../../src/domain';
import { minutes, period, ticketId } from '../../../src/domain';
import { planPeriod } from '../../../src/sync/plan-period';
import type { ReportPlan } from '../../../src/sync/plan-for-report';
import type { PeriodFacts } from '../../../src/sync/read-period';
import type { LedgerEntry } from '../../../src/sync/write/billing-ledger';
import { aPlanInput, CUSTOMER, defaultSettings } from '../domain/builders';

/**
 * The plan reports show for hand-built facts (November 2025, Acme AB, 1 000 SEK/h), planned by the
 * sync's own read-only planner, so earlier billing is assumed by the same rules.
 */
export function reportPlanOf(
  overrides: Partial<PlanInput> & { customers?: PeriodFacts['customers'] } = {},
  settings: EngineSettings = defaultSettings,
): ReportPlan {
  const input = aPlanInput(overrides);
  const facts: PeriodFacts = {
    company: input.company,
    period: input.period,
    customers: overrides.customers ?? [CUSTOMER],
    tickets: input.tickets,
    lines: input.lines,
    agreements: input.agreements,
    packs: input.packs,
    defaultHourlyRate: input.defaultHourlyRate,
    problems: [],
    odoo: {
      hourlyProductId: 1,
      hourlyProductTaxIds: [],
      packSaleLines: [],
      timesheets: [],
      earlierTimesheets: [],
    },
  };
  return { facts, plan: planPeriod(facts, settings), history: 'assumed', closed: [] };
}

/** October's invoice `name` of Acme AB, billing `time` of ticket HT00007 (its ledger entry). */
export function billedInOctober(name: string, time: number): LedgerEntry {
  return {
    customerId: CUSTOMER.id,
    period: period('2025-10'),
    moveId: 42,
    moveName: name,
    state: 'posted',
    ticketId: ticketId(7),
    kind: 'billed',
    discriminator: 'user_support',
    minutes: minutes(time),
  };
}
