import type { TierSourceConfig } from '../../config/agreements.schema';
import type { Agreement } from '../../domain/facts';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import type { FeeTerms } from '../map/agreement-fee';
import type { SyncProblem } from '../map/mapped';

/** What every agreement source is read with. */
export interface AgreementsQuery {
  readonly source: TierSourceConfig;
  readonly fees: FeeTerms;
  /** The company's IANA zone (order dates are instants). */
  readonly timeZone: string;
  readonly profile: FieldProfile;
  /** Only agreements of this commercial partner are needed (others may still be returned). */
  readonly onlyCustomer?: number;
}

/** Agreements of commercial partners, at any date: earlier lines are classified with them too. */
export interface AgreementsRead {
  readonly agreements: readonly Agreement[];
  readonly problems: readonly SyncProblem[];
}
