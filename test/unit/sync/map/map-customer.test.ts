import { mapCustomer } from '../../../../src/sync/map/map-customer';
import { aPartner } from './odoo-rows';

describe('mapCustomer', () => {
  it.each([
    {
      case: 'a shared partner',
      row: {},
      expected: { id: '44', name: 'Acme AB', companyId: null, currency: null },
    },
    {
      case: 'a partner of one company',
      row: { company_id: [2, 'Other AB'] },
      expected: { id: '44', name: 'Acme AB', companyId: '2', currency: null },
    },
    {
      case: 'a partner without name (display name used)',
      row: { name: false, display_name: 'Acme (archived)' },
      expected: { id: '44', name: 'Acme (archived)', companyId: null, currency: null },
    },
    {
      case: 'a partner without any name',
      row: { name: false },
      expected: { id: '44', name: 'Partner 44', companyId: null, currency: null },
    },
  ])('$case', ({ row, expected }) => {
    expect(mapCustomer(aPartner(row))).toEqual(expected);
  });
});
