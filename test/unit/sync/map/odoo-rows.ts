/** Raw Odoo rows, parsed through the real record schemas, so mapper tests start where sync does. */
import { AnalyticLineSchema, type AnalyticLine } from '../../../../src/odoo/records/analytic-line';
import {
  HelpdeskTicketSchema,
  type HelpdeskTicket,
} from '../../../../src/odoo/records/helpdesk-ticket';
import { PartnerSchema, type Partner } from '../../../../src/odoo/records/partner';
import {
  SaleOrderLineSchema,
  type SaleOrderLine,
} from '../../../../src/odoo/records/sale-order-line';

type Row = Record<string, unknown>;

export function aTimesheet(overrides: Row = {}): AnalyticLine {
  return AnalyticLineSchema.parse({
    id: 101,
    date: '2026-01-12',
    name: 'Investigated VPN',
    unit_amount: 1.5,
    project_id: [3, 'Support'],
    company_id: [1, 'Tally Demo AB'],
    ticket_id: [12, 'VPN down'],
    write_date: '2026-01-12 10:00:00',
    ...overrides,
  });
}

export function aTicket(overrides: Row = {}): HelpdeskTicket {
  return HelpdeskTicketSchema.parse({
    id: 12,
    name: 'VPN down',
    description: '<p>The VPN is down</p>',
    reference: 'HT00012',
    partner_id: [45, 'Acme AB, Jane Doe'],
    company_id: [1, 'Tally Demo AB'],
    team_id: [2, 'Support'],
    stage_id: [1, 'New'],
    category_id: [7, 'Technical support'],
    type_id: false,
    tag_ids: [],
    create_date: '2026-01-10 08:00:00',
    write_date: '2026-01-10 08:00:00',
    ...overrides,
  });
}

export function aPartner(overrides: Row = {}): Partner {
  return PartnerSchema.parse({
    id: 44,
    name: 'Acme AB',
    is_company: true,
    parent_id: false,
    commercial_partner_id: [44, 'Acme AB'],
    company_id: false,
    category_id: [],
    email: false,
    vat: false,
    lang: 'sv_SE',
    write_date: '2026-01-01 00:00:00',
    create_date: '2025-06-01 08:00:00',
    ...overrides,
  });
}

export function aSaleLine(overrides: Row = {}): SaleOrderLine {
  return SaleOrderLineSchema.parse({
    id: 77,
    order_id: [9, 'S00009'],
    order_partner_id: [44, 'Acme AB'],
    product_id: [5, 'Support Pack 25 h'],
    name: 'Support Pack 25 h',
    product_uom_qty: 1,
    qty_delivered: 0,
    qty_invoiced: 1,
    product_uom_id: [20, 'Units'],
    tax_ids: [],
    price_unit: 22500,
    discount: 0,
    state: 'sale',
    write_date: '2026-01-02 09:00:00',
    ...overrides,
  });
}
