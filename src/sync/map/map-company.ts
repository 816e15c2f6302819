import { IANAZone } from 'luxon';
import type { CompanyContext } from '../../domain/facts';
import { companyId, currencyCode } from '../../domain/types';
import { SyncSetupError } from '../errors';
import type { Company, User } from '../../odoo/records/context-records';

/** Zone used when neither the config nor the Odoo user names one. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/**
 * The company whose invoices are planned: its currency, and the time zone periods are counted in
 * (the configured zone, else the connected user's `tz`, else Europe/Stockholm). An invalid zone is
 * a configuration error, so it throws rather than planning in the wrong calendar.
 */
export function mapCompany(company: Company, user: User, configuredZone?: string): CompanyContext {
  const timeZone = configuredZone ?? user.tz ?? DEFAULT_TIME_ZONE;
  if (!IANAZone.isValidZone(timeZone))
    throw new SyncSetupError(
      `The time zone "${timeZone}" is not an IANA zone: set a valid tz on the Odoo user or timeZone in the agreements config.`,
      { details: { timeZone } },
    );
  return {
    id: companyId(company.id),
    currency: currencyCode(company.currency_id.name),
    timeZone,
  };
}
