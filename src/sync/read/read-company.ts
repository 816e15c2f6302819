import type { CompanyContext } from '../../domain/facts';
import { parseRecords } from '../../odoo/records/parse-records';
import { SyncSetupError } from '../errors';
import { COMPANY_FIELDS, CompanySchema, USER_FIELDS, UserSchema } from '../map/extra-records';
import { mapCompany } from '../map/map-company';
import { EXTRA_MODELS } from './extra-models';
import type { OdooReader } from './odoo-reader';

/** The connected user's company and zone, in two round trips (res.users, res.company). */
export async function readCompany(
  reader: OdooReader,
  configuredZone?: string,
): Promise<CompanyContext> {
  const users = parseRecords(
    EXTRA_MODELS.users,
    UserSchema,
    await reader.model(EXTRA_MODELS.users).read([reader.uid], USER_FIELDS),
  );
  const user = users.records[0];
  if (user === undefined) {
    throw new SyncSetupError(
      'The Tally user cannot read its own company: check its access rights in Odoo.',
      { details: { model: EXTRA_MODELS.users, recordId: reader.uid } },
    );
  }
  const companies = parseRecords(
    EXTRA_MODELS.company,
    CompanySchema,
    await reader.model(EXTRA_MODELS.company).read([user.company_id.id], COMPANY_FIELDS),
  );
  const company = companies.records[0];
  if (company === undefined) {
    throw new SyncSetupError(
      'The company of the Tally user has no readable currency: check the user is allowed to read it.',
      { details: { model: EXTRA_MODELS.company, recordId: user.company_id.id } },
    );
  }
  return mapCompany(company, user, configuredZone);
}
