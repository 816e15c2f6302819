import type { Agreement } from '../../domain/facts';
import type { CustomerId, LocalDate, TierKey } from '../../domain/types';
import { monthlyFeeFromLine, type FeeTerms, type LinePrice } from './agreement-fee';

/** What a contract or sale order line states about the agreements it sells. */
export interface LineAgreementTerms {
  /** `<source>:<line id>`; each agreement's id adds `:<tier>`. */
  readonly idPrefix: string;
  readonly customerId: CustomerId;
  readonly validFrom: LocalDate | null;
  readonly validTo: LocalDate | null;
  /** For explanations, e.g. "contract C0012". */
  readonly source: string;
  readonly price: LinePrice;
}

/** One agreement per tier the line's product means, each with its fee from the line's price. */
export function agreementsPerTier(
  tiers: readonly TierKey[],
  terms: LineAgreementTerms,
  fees: FeeTerms,
): Agreement[] {
  return tiers.map((tier) => ({
    id: `${terms.idPrefix}:${tier}`,
    customerId: terms.customerId,
    tier,
    validFrom: terms.validFrom,
    validTo: terms.validTo,
    source: terms.source,
    monthlyFee: monthlyFeeFromLine(tier, terms.price, fees),
  }));
}
