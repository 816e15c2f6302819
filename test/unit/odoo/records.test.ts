import {
  AnalyticLineSchema,
  analyticLineFields,
  analyticLineRenames,
} from '../../../src/odoo/records/analytic-line';
import {
  HelpdeskTicketSchema,
  helpdeskTicketFields,
  helpdeskTicketRenames,
} from '../../../src/odoo/records/helpdesk-ticket';
import { parseRecords, problemToError } from '../../../src/odoo/records/parse-records';
import {
  SaleOrderLineSchema,
  saleOrderLineRenames,
} from '../../../src/odoo/records/sale-order-line';
import { AccountMoveSchema } from '../../../src/odoo/records/account-move';
import { PartnerSchema } from '../../../src/odoo/records/partner';
import { profileFromFields } from '../../../src/odoo/profiles/detect-profile';

const ocaProfile = profileFromFields({
  'helpdesk.ticket': [
    'name',
    'number',
    'partner_id',
    'company_id',
    'team_id',
    'stage_id',
    'category_id',
    'tag_ids',
    'project_id',
    'create_date',
    'write_date',
    'commercial_partner_id',
  ],
  'account.analytic.line': [
    'date',
    'name',
    'unit_amount',
    'project_id',
    'company_id',
    'ticket_id',
    'ticket_partner_id',
    'write_date',
    'employee_id',
  ],
  'sale.order.line': ['product_uom', 'tax_id'],
  'project.project': ['analytic_account_id'],
});
const enterprise19Profile = profileFromFields({
  'helpdesk.ticket': [
    'name',
    'ticket_ref',
    'partner_id',
    'company_id',
    'team_id',
    'stage_id',
    'tag_ids',
    'create_date',
    'write_date',
  ],
  'account.analytic.line': [
    'date',
    'name',
    'unit_amount',
    'project_id',
    'company_id',
    'helpdesk_ticket_id',
    'write_date',
  ],
  'sale.order.line': ['product_uom_id', 'tax_ids'],
  'project.project': ['account_id'],
});

const ocaTicketRow = {
  id: 12,
  name: 'VPN down',
  number: 'HT0012',
  partner_id: [45, 'Acme, Jane Doe'],
  commercial_partner_id: [44, 'Acme'],
  company_id: [1, 'My Company'],
  team_id: false,
  stage_id: [2, 'In Progress'],
  category_id: false,
  tag_ids: [3, 4],
  project_id: false,
  create_date: '2024-05-01 07:00:00',
  write_date: '2024-05-02 08:14:03',
};

describe('field profiles (fields_get detection)', () => {
  it('tells OCA helpdesk_mgmt on 17 from Enterprise on 19 by the fields present', () => {
    expect(ocaProfile).toMatchObject({
      edition: 'oca',
      ticketReferenceField: 'number',
      ticketTypeField: null,
      timesheetTicketField: 'ticket_id',
      saleLineUomField: 'product_uom',
      saleLineTaxField: 'tax_id',
      projectAnalyticField: 'analytic_account_id',
    });
    expect(enterprise19Profile).toMatchObject({
      edition: 'enterprise',
      ticketReferenceField: 'ticket_ref',
      timesheetTicketField: 'helpdesk_ticket_id',
      saleLineUomField: 'product_uom_id',
      saleLineTaxField: 'tax_ids',
      projectAnalyticField: 'account_id',
    });
  });

  it('asks only for fields the database has', () => {
    expect(helpdeskTicketFields(enterprise19Profile)).not.toContain('category_id');
    expect(helpdeskTicketFields(enterprise19Profile)).toContain('ticket_ref');
    expect(analyticLineFields(ocaProfile)).toEqual(
      expect.arrayContaining(['ticket_id', 'unit_amount']),
    );
    expect(analyticLineFields(ocaProfile)).not.toContain('so_line');
  });

  it('refuses a database without any helpdesk', () => {
    expect(() => profileFromFields({ 'helpdesk.ticket': [] })).toThrow(
      expect.objectContaining({ code: 'ODOO_UNKNOWN_MODEL' }),
    );
  });
});

describe('record normalisation', () => {
  it('turns many2one pairs into {id, name}, false into null, and keeps x2many ids (OCA ticket)', () => {
    const { records, problems } = parseRecords(
      'helpdesk.ticket',
      HelpdeskTicketSchema,
      [ocaTicketRow],
      helpdeskTicketRenames(ocaProfile),
    );
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      id: 12,
      name: 'VPN down',
      description: null,
      user_id: null,
      reference: 'HT0012',
      partner_id: { id: 45, name: 'Acme, Jane Doe' },
      commercial_partner_id: { id: 44, name: 'Acme' },
      company_id: { id: 1, name: 'My Company' },
      team_id: null,
      stage_id: { id: 2, name: 'In Progress' },
      category_id: null,
      type_id: null,
      tag_ids: [3, 4],
      project_id: null,
      create_date: '2024-05-01 07:00:00',
      write_date: '2024-05-02 08:14:03',
    });
  });

  it('reads the Enterprise ticket reference and timesheet link under the same names', () => {
    const {
      number: _number,
      category_id: _category,
      commercial_partner_id: _cp,
      ...rest
    } = ocaTicketRow;
    const tickets = parseRecords(
      'helpdesk.ticket',
      HelpdeskTicketSchema,
      [{ ...rest, ticket_ref: '00042' }],
      helpdeskTicketRenames(enterprise19Profile),
    );
    expect(tickets.records[0]).toMatchObject({
      reference: '00042',
      category_id: null,
      commercial_partner_id: null,
    });
    const line = {
      id: 7,
      date: '2024-05-02',
      name: '/',
      unit_amount: 1.5,
      project_id: [3, 'Support'],
      company_id: [1, 'C'],
      helpdesk_ticket_id: [12, 'VPN down'],
      write_date: '2024-05-02 08:14:03',
    };
    const lines = parseRecords(
      'account.analytic.line',
      AnalyticLineSchema,
      [line],
      analyticLineRenames(enterprise19Profile),
    );
    expect(lines.problems).toEqual([]);
    expect(lines.records[0]).toMatchObject({
      ticket_id: { id: 12, name: 'VPN down' },
      so_line: null,
      timesheet_invoice_type: null,
    });
  });

  it('normalises 16-18 sale line names to the 19 names', () => {
    const row = {
      id: 77,
      order_id: [5, 'S00005'],
      order_partner_id: [44, 'Acme'],
      product_id: [9, 'Support Pack 25 h'],
      name: 'Support Pack 25 h',
      product_uom_qty: 25,
      qty_delivered: 3.5,
      qty_invoiced: 25,
      remaining_hours: 21.5,
      product_uom: [4, 'Hours'],
      tax_id: [],
      price_unit: 950,
      discount: 0,
      state: 'sale',
      display_type: false,
      write_date: '2024-05-02 08:14:03',
    };
    const { records, problems } = parseRecords(
      'sale.order.line',
      SaleOrderLineSchema,
      [row],
      saleOrderLineRenames(ocaProfile),
    );
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      product_uom_id: { id: 4, name: 'Hours' },
      tax_ids: [],
      display_type: null,
    });
  });

  it('reads a draft invoice without a number and without an invoice date', () => {
    const row = {
      id: 3,
      name: false,
      move_type: 'out_invoice',
      state: 'draft',
      partner_id: [44, 'Acme'],
      company_id: [1, 'C'],
      currency_id: [2, 'SEK'],
      date: '2024-05-31',
      invoice_date: false,
      ref: false,
      invoice_origin: 'Tally 2024-05',
      narration: false,
      amount_untaxed: 0,
      amount_total: 0,
      invoice_line_ids: [],
      write_date: '2024-05-31 10:00:00',
    };
    expect(parseRecords('account.move', AccountMoveSchema, [row]).records[0]).toMatchObject({
      name: null,
      invoice_date: null,
      ref: null,
    });
  });
});

describe('record problems', () => {
  it('reports each bad record with model, record id and field path, and keeps the good ones', () => {
    const rows = [
      ocaTicketRow,
      { ...ocaTicketRow, id: 13, partner_id: [45] },
      { ...ocaTicketRow, id: 14, write_date: '2024-05-02T08:14:03Z', tag_ids: [1, 'x'] },
      { name: 'no id at all' },
    ];
    const { records, problems } = parseRecords(
      'helpdesk.ticket',
      HelpdeskTicketSchema,
      rows,
      helpdeskTicketRenames(ocaProfile),
    );
    expect(records.map((ticket) => ticket.id)).toEqual([12]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ model: 'helpdesk.ticket', recordId: 13, path: 'partner_id' }),
        expect.objectContaining({ model: 'helpdesk.ticket', recordId: 14, path: 'write_date' }),
        expect.objectContaining({ model: 'helpdesk.ticket', recordId: 14, path: 'tag_ids.1' }),
        expect.objectContaining({ model: 'helpdesk.ticket', recordId: null, path: 'id' }),
      ]),
    );
  });

  it('names the Odoo field, not the normalised one, in a problem', () => {
    const { problems } = parseRecords(
      'helpdesk.ticket',
      HelpdeskTicketSchema,
      [{ ...ocaTicketRow, number: 42 }],
      helpdeskTicketRenames(ocaProfile),
    );
    expect(problems[0]).toMatchObject({ recordId: 12, path: 'number' });
  });

  it('turns a problem into ODOO_UNEXPECTED_RESPONSE naming model, record and field', () => {
    const { problems } = parseRecords('res.partner', PartnerSchema, [{ id: 9, is_company: 'yes' }]);
    const error = problemToError(problems[0]!);
    expect(error.code).toBe('ODOO_UNEXPECTED_RESPONSE');
    expect(error.userMessage).toContain('res.partner record 9');
    expect(error.details).toMatchObject({ model: 'res.partner', recordId: 9 });
  });
});
