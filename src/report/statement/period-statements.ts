import type { EngineSettings } from '../../domain';
import type { PeriodPlan } from '../../sync/plan-period';
import type { PeriodFacts } from '../../sync/read-period';
import { buildStatement } from './build-statement';
import type { Statement } from './statement';

/**
 * A statement for every customer of a planned period that has something to say: work, a fee, a
 * pack or a held line. Customers with none of these get no statement.
 */
export function periodStatements(
  facts: PeriodFacts,
  periodPlan: PeriodPlan,
  settings: EngineSettings,
  currencyDecimals: number,
): Statement[] {
  return periodPlan.plans
    .map(({ customer, plan }) =>
      buildStatement({
        company: periodPlan.company,
        customer,
        plan,
        tickets: facts.tickets,
        packs: facts.packs,
        settings,
        currencyDecimals,
      }),
    )
    .filter(
      (statement) =>
        statement.tickets.length > 0 || statement.fees.length > 0 || statement.packs.length > 0,
    );
}
