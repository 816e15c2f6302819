import type { Agreement } from '../../domain/facts';
import type { CustomerId, LocalDate, TierKey } from '../../domain/types';
import { localDate } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import type { Contract, ContractLine, RecurringRuleType } from '../../odoo/records/contract';
import type { FeeTerms } from './agreement-fee';
import { agreementsPerTier } from './line-agreements';
import { mapped, rejected, type Mapped } from './mapped';

export interface ContractLineContext {
  readonly contract: Contract;
  /** The contract's commercial partner. */
  readonly customerId: CustomerId;
  /** The tiers the line's product means (`sources.tier.products`). */
  readonly tiers: readonly TierKey[];
  readonly fees: FeeTerms;
}

/** Months one recurrence of a contract line covers; null for daily and weekly recurrences. */
const MONTHS_PER_RULE: Readonly<Record<RecurringRuleType, number | null>> = {
  daily: null,
  weekly: null,
  monthly: 1,
  monthlylastday: 1,
  quarterly: 3,
  semesterly: 6,
  yearly: 12,
};

/**
 * The agreements one OCA contract line gives: one per tier its product means, valid from the
 * line's `date_start` to its `date_end` (each falling back to the contract's), with the id
 * `oca_contract:<line>:<tier>`. Cancelled lines, sections and notes, purchase contracts and archived
 * contracts give none. The fee is the line's price per month (see agreement-fee.ts).
 */
export function agreementsFromContractLine(
  line: ContractLine,
  context: ContractLineContext,
): Mapped<Agreement[]> {
  const { contract } = context;
  const inactive =
    line.is_canceled ||
    line.display_type !== null ||
    contract.contract_type === 'purchase' ||
    contract.active === false;
  if (inactive) return mapped([]);
  const validFrom = dateOrNull(line.date_start ?? contract.date_start);
  const validTo = dateOrNull(line.date_end ?? contract.date_end);
  if (validFrom !== null && validTo !== null && validTo < validFrom) {
    return rejected(
      MODELS.contractLine,
      line.id,
      'date_end',
      `ends (${validTo}) before it starts (${validFrom})`,
    );
  }
  const rule = line.recurring_rule_type;
  const perRule = rule === null ? null : MONTHS_PER_RULE[rule];
  const months = perRule === null ? null : perRule * line.recurring_interval;
  return mapped(
    agreementsPerTier(
      context.tiers,
      {
        idPrefix: `oca_contract:${line.id}`,
        customerId: context.customerId,
        validFrom,
        validTo,
        source: `contract ${contract.code ?? contract.name}`,
        price: { unitPrice: line.price_unit, discountPercent: line.discount, months },
      },
      context.fees,
    ),
  );
}

function dateOrNull(value: string | null): LocalDate | null {
  return value === null ? null : localDate(value);
}
