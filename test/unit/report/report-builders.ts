import type { EngineSettings, PlanInput } from '../../../src/domain';
import { planPeriod } from '../../../src/sync/plan-period';
import type { ReportPlan } from '../../../src/sync/plan-for-report';
import type { PeriodFacts } from '../../../src/sync/read-period';
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
    odoo: { hourlyProductId: 1, hourlyProductTaxIds: [], packSaleLines: [], timesheets: [] },
  };
  return { facts, plan: planPeriod(facts, settings), history: 'assumed' };
}
