import { MODELS } from '../../odoo/models';
import type { CompanyContext } from '../../domain/facts';
import { parseRecords } from '../../odoo/records/parse-records';
import { SyncSetupError } from '../errors';
import {
  COMPANY_FIELDS,
  CompanySchema,
  USER_FIELDS,
  UserSchema,
} from '../../odoo/records/context-records';
import { mapCompany } from '../map/map-company';
import type { OdooReader } from './odoo-reader';

/** The connected user's company and zone, in two round trips (res.users, res.company). */
export async function readCompany(
  reader: OdooReader,
  configuredZone?: string,
): Promise<CompanyContext> {
  const users = parseRecords(
    MODELS.users,
    UserSchema,
    await reader.model(MODELS.users).read([reader.uid], USER_FIELDS),
  );
  const user = users.records[0];
  if (user === undefined) {
    throw new SyncSetupError(
      'The Tally user cannot read its own company: check its access rights in Odoo.',
      { details: { model: MODELS.users, recordId: reader.uid } },
    );
  }
  const companies = parseRecords(
    MODELS.company,
    CompanySchema,
    await reader.model(MODELS.company).read([user.company_id.id], COMPANY_FIELDS),
  );
  const company = companies.records[0];
  if (company === undefined) {
    throw new SyncSetupError(
      'The company of the Tally user has no readable currency: check the user is allowed to read it.',
      { details: { model: MODELS.company, recordId: user.company_id.id } },
    );
  }
  return mapCompany(company, user, configuredZone);
}
