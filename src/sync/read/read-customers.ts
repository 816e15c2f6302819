import type { Agreement, CustomerFacts } from '../../domain/facts';
import type { LocalDate } from '../../domain/types';
import { mapCustomer } from '../map/map-customer';
import type { SyncProblem } from '../map/mapped';
import { unique } from './odoo-reader';
import type { PartnerDirectory } from './partner-directory';
import type { AgreementsRead } from './agreement-source';

export interface CustomersRead {
  readonly customers: CustomerFacts[];
  readonly agreements: Agreement[];
  readonly problems: SyncProblem[];
}

export interface CustomersQuery {
  /** First and last day of the period. */
  readonly bounds: { readonly first: LocalDate; readonly last: LocalDate };
  readonly onlyCustomer?: number;
}

/**
 * The customers of a period: the commercial partners of its tickets, plus every commercial partner
 * holding an agreement on some day of the period (they owe the monthly fee even in a month without
 * work). Each keeps all its agreements, earlier ones included.
 */
export async function readCustomers(
  partners: PartnerDirectory,
  read: AgreementsRead,
  ticketCustomerIds: readonly number[],
  query: CustomersQuery,
): Promise<CustomersRead> {
  const { first, last } = query.bounds;
  const holders = read.agreements
    .filter(
      (agreement) =>
        (agreement.validFrom === null || agreement.validFrom <= last) &&
        (agreement.validTo === null || agreement.validTo >= first),
    )
    .map((agreement) => Number(agreement.customerId))
    .filter((id) => query.onlyCustomer === undefined || id === query.onlyCustomer);
  const customerIds = unique([...ticketCustomerIds, ...holders]);
  await partners.ensure(customerIds);

  const customers: CustomerFacts[] = [];
  for (const id of customerIds) {
    const partner = partners.get(id);
    if (partner !== undefined) customers.push(mapCustomer(partner));
  }
  const kept = new Set(customers.map((customer) => customer.id));
  return {
    customers,
    agreements: read.agreements.filter((agreement) => kept.has(agreement.customerId)),
    problems: [...read.problems],
  };
}
