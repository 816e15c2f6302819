import { decimalToMinorUnits, prorate } from '../../domain/money';
import type { EngineSettings } from '../../domain/settings';
import { findTier } from '../../domain/settings';
import type { MinorUnits, TierKey } from '../../domain/types';

/** What an agreement's fee is read against: the tiers' configured fees and the currency. */
export interface FeeTerms {
  readonly settings: EngineSettings;
  readonly currencyDecimals: number;
}

/** The price of a contract or sale order line, as Odoo stores it. */
export interface LinePrice {
  /** `price_unit`, in major units of the line's currency. */
  readonly unitPrice: number;
  /** `discount`, in percent. */
  readonly discountPercent: number;
  /** How many months the unit price pays for; null when it is no whole number of months. */
  readonly months: number | null;
}

const BASIS_POINTS = 10_000;

/**
 * The customer's own monthly fee from the line that sells the agreement, or null for the tier's
 * configured fee. A tier configured without a fee bills no fee line whatever the line costs (the
 * fee is then invoiced elsewhere, e.g. by the contract module), so it stays null; so does a price
 * per day or week, which is no whole number of months. Otherwise the unit price less its discount,
 * divided by the months it pays for and rounded half-up to the minor unit, is the fee (0 = free).
 */
export function monthlyFeeFromLine(
  tier: TierKey,
  price: LinePrice,
  terms: FeeTerms,
): MinorUnits | null {
  if (findTier(terms.settings, tier)?.monthlyFee == null) return null;
  if (price.months === null || price.months <= 0) return null;
  const unit = decimalToMinorUnits(
    Math.max(0, price.unitPrice).toFixed(terms.currencyDecimals),
    terms.currencyDecimals,
  );
  if (unit === null) return null;
  const kept = Math.max(0, Math.round((100 - price.discountPercent) * 100));
  return prorate(unit, kept, BASIS_POINTS * price.months);
}
