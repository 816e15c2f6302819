import type { CustomerFacts } from '../../domain/facts';
import { companyId, customerId } from '../../domain/types';
import type { Partner } from '../../odoo/records/partner';

/**
 * A commercial partner as `CustomerFacts`. The pricelist currency is not read yet (a
 * company-dependent property costs an extra call per company), so customers are invoiced in the
 * company currency (`currency: null`).
 */
export function mapCustomer(partner: Partner): CustomerFacts {
  return {
    id: customerId(partner.id),
    name: partner.name ?? partner.display_name ?? `Partner ${partner.id}`,
    companyId: partner.company_id === null ? null : companyId(partner.company_id.id),
    currency: null,
  };
}
