import type { Agreement } from '../../domain/facts';
import type { CustomerId } from '../../domain/types';
import { localDate, tierKey } from '../../domain/types';

/** One entry of `sources.tier.agreements` (dates already checked by the config schema). */
export interface StaticAgreementEntry {
  readonly customer: number | string;
  readonly tier: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/**
 * The agreement a static config entry states, for the commercial partner it names. Its id
 * `static:<position>` (1-based, as a reader counts entries) names the entry in explanations.
 */
export function agreementFromStaticEntry(
  entry: StaticAgreementEntry,
  index: number,
  customerId: CustomerId,
): Agreement {
  return {
    id: `static:${index + 1}`,
    customerId,
    tier: tierKey(entry.tier),
    validFrom: entry.validFrom === null ? null : localDate(entry.validFrom),
    validTo: entry.validTo === null ? null : localDate(entry.validTo),
    source: `agreement ${index + 1} of sources.tier.agreements`,
  };
}
