import { mapTicket, type TicketLookups } from '../../../../src/sync/map/map-ticket';
import { aTicket } from './odoo-rows';

const lookups: TicketLookups = {
  commercialPartnerOf: (id) => ({ 45: 44, 44: 44, 50: 50 })[id],
  tagName: (id) => ({ 3: 'Bug fix', 4: 'Urgent' })[id],
};

describe('mapTicket', () => {
  it.each([
    {
      case: 'the ticket stores commercial_partner_id (OCA 18+)',
      row: { partner_id: [45, 'Jane'], commercial_partner_id: [60, 'Other AB'] },
      customerId: '60',
    },
    {
      case: "no stored commercial partner: the partner's, from the batched read",
      row: { partner_id: [45, 'Jane'] },
      customerId: '44',
    },
    {
      case: 'the partner is itself a company',
      row: { partner_id: [50, 'Fjord AB'] },
      customerId: '50',
    },
    { case: 'no partner at all', row: { partner_id: false }, customerId: null },
  ])('customer when $case', ({ row, customerId }) => {
    const result = mapTicket(aTicket(row), lookups);
    expect(result).toMatchObject({ ok: true, value: { customerId } });
  });

  it('carries names, strips the HTML description, and keeps known tags only', () => {
    const result = mapTicket(
      aTicket({
        description: '<p>Printer <b>broken</b></p><p>since&nbsp;Monday</p>',
        type_id: [8, 'Incident'],
        tag_ids: [3, 4, 99],
      }),
      lookups,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        id: '12',
        number: 'HT00012',
        name: 'VPN down',
        description: 'Printer broken\nsince Monday',
        customerId: '44',
        companyId: '1',
        categoryName: 'Technical support',
        typeName: 'Incident',
        tagNames: ['Bug fix', 'Urgent'],
        teamName: 'Support',
      },
    });
  });

  it('falls back to #id when the ticket has no reference yet', () => {
    expect(mapTicket(aTicket({ reference: false }), lookups)).toMatchObject({
      ok: true,
      value: { number: '#12' },
    });
  });

  it.each([
    { field: 'partner_id', row: { partner_id: [999, 'Unreadable'] } },
    { field: 'company_id', row: { company_id: false } },
  ])('rejects a ticket with a bad $field, naming model, id and field', ({ field, row }) => {
    expect(mapTicket(aTicket({ id: 31, ...row }), lookups)).toMatchObject({
      ok: false,
      problem: { model: 'helpdesk.ticket', recordId: 31, path: field },
    });
  });
});
