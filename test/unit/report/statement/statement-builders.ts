import type { EngineSettings, PlanInput } from '../../../../src/domain';
import { planInvoice } from '../../../../src/domain';
import { buildStatement } from '../../../../src/report/statement/build-statement';
import type { Statement } from '../../../../src/report/statement/statement';
import { aPlanInput, defaultSettings } from '../../domain/builders';

/** Plans `overrides` (November 2025, Acme AB, 1 000 SEK/h) and builds its statement. */
export function statementOf(
  overrides: Partial<PlanInput> = {},
  settings: EngineSettings = defaultSettings,
): Statement {
  const input = aPlanInput(overrides);
  return buildStatement({
    company: input.company,
    customer: input.customer,
    plan: planInvoice(input, settings),
    tickets: input.tickets,
    packs: input.packs,
    settings,
    currencyDecimals: 2,
  });
}
