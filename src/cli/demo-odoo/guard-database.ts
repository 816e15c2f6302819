/**
 * `tally demo --odoo` writes a whole demo company: it refuses a database that already holds
 * customers or customer invoices, so it never mixes demo records into a partner's real data.
 */
import { and, where } from '../../odoo/filter';
import type { OdooClient } from '../../odoo/client';
import { MODELS } from '../../odoo/models';
import { DemoDatabaseInUseError } from '../errors';

export interface DatabaseUse {
  /** Companies that are not one of the database's own companies. */
  readonly customers: number;
  /** Customer invoices and credit notes, in any state. */
  readonly invoices: number;
}

/** Counts what a fresh database does not have. */
export async function databaseUse(client: OdooClient): Promise<DatabaseUse> {
  const own = await client.model(MODELS.company).searchRead([], { fields: ['partner_id'] });
  const ownPartners = own
    .map((row) => (Array.isArray(row.partner_id) ? row.partner_id[0] : undefined))
    .filter((id): id is number => typeof id === 'number');
  const customers = await client
    .model(MODELS.partner)
    .searchCount(and(where('is_company', '=', true), where('id', 'not in', ownPartners)));
  const invoices = await client
    .model(MODELS.accountMove)
    .searchCount(where('move_type', 'in', ['out_invoice', 'out_refund']));
  return { customers, invoices };
}

/** Throws unless the database is as fresh as a new one, or `force` says to load anyway. */
export async function guardDemoDatabase(
  client: OdooClient,
  db: string,
  force: boolean,
): Promise<DatabaseUse> {
  const use = await databaseUse(client);
  if (!force && (use.customers > 0 || use.invoices > 0)) {
    throw new DemoDatabaseInUseError(
      `The database ${db} already holds ${use.customers} customer companies and ${use.invoices} customer invoices; load the demo company into a new, disposable database, or pass --force to load it there anyway.`,
      { details: { db, customers: use.customers, invoices: use.invoices } },
    );
  }
  return use;
}
