import type { TicketFacts } from '../../../../src/domain/facts';
import { companyId, customerId, ticketId } from '../../../../src/domain/types';
import { workStamp } from '../../../../src/domain/work-stamp';
import type { AnalyticLine } from '../../../../src/odoo/records/analytic-line';
import { standingOf } from '../../../../src/sync/changes/stamped-changes';
import { mapTimesheet } from '../../../../src/sync/map/map-timesheet';

const TICKET: TicketFacts = {
  id: ticketId(10),
  number: 'HT00010',
  name: 'Export fails',
  description: '',
  customerId: customerId(7),
  companyId: companyId(1),
  categoryName: 'Bug fix',
  tagNames: [],
};
const TICKETS = new Map([[10, TICKET]]);

const LINE: AnalyticLine = {
  id: 1,
  date: '2026-10-20',
  name: 'Fixed the export',
  unit_amount: 1,
  project_id: { id: 1, name: 'Support' },
  task_id: null,
  employee_id: null,
  user_id: null,
  partner_id: null,
  company_id: { id: 1, name: 'Tally Demo AB' },
  ticket_id: { id: 10, name: 'HT00010' },
  ticket_partner_id: null,
  so_line: null,
  timesheet_invoice_id: null,
  timesheet_invoice_type: null,
  x_tally_category: 'Bug fix',
  x_tally_coverage: 'billable',
  x_tally_reason: 'Bug fix: billed',
  x_tally_invoice_line_id: null,
  x_tally_stamp: null,
  write_date: '2026-10-20 10:00:00',
};

function stamped(line: AnalyticLine, ticket: TicketFacts = TICKET): AnalyticLine {
  const work = mapTimesheet(line);
  if (!work.ok) throw new Error('not a work line');
  return { ...line, x_tally_stamp: workStamp(work.value, ticket) };
}

describe('standingOf: a timesheet against the stamp Tally left on it', () => {
  it.each<[string, AnalyticLine, 'changed' | 'legacy', string]>([
    ['as billed', stamped(LINE), 'changed', 'billed'],
    ['hours edited since', { ...stamped(LINE), unit_amount: 1.5 }, 'changed', 'changed'],
    ['moved to another day', { ...stamped(LINE), date: '2026-10-21' }, 'changed', 'changed'],
    ['reworded', { ...stamped(LINE), name: '[Training] Fixed' }, 'changed', 'changed'],
    [
      'billed with its ticket as it was',
      stamped(LINE, { ...TICKET, categoryName: 'Training' }),
      'changed',
      'changed',
    ],
    ['never marked (a late line)', { ...LINE, x_tally_coverage: null }, 'legacy', 'changed'],
    [
      'stamped by a correction, never marked',
      { ...stamped(LINE), x_tally_coverage: null },
      'legacy',
      'changed',
    ],
    ['marked before stamps, in a window', LINE, 'changed', 'changed'],
    ['marked before stamps, in a reconciliation', LINE, 'legacy', 'legacy'],
    [
      'on a ticket that could not be read',
      { ...stamped(LINE), ticket_id: { id: 99, name: 'x' } },
      'changed',
      'changed',
    ],
  ])('%s', (_case, line, unmarkedIs, standing) => {
    expect(standingOf(line, TICKETS, unmarkedIs)).toBe(standing);
  });
});
