import type { TicketFacts, WorkLine } from '../../../src/domain/facts';
import {
  companyId,
  customerId,
  localDate,
  minutes,
  ticketId,
  timesheetId,
} from '../../../src/domain/types';
import { ticketPartOf, ticketStamp, workStamp } from '../../../src/domain/work-stamp';

const LINE: WorkLine = {
  id: timesheetId(1),
  ticketId: ticketId(10),
  date: localDate('2026-10-20'),
  minutes: minutes(60),
  description: '[Bug fix] Fixed the export',
  companyId: companyId(1),
};

const TICKET: TicketFacts = {
  id: ticketId(10),
  number: 'HT00010',
  name: 'Export fails',
  description: 'The CSV export stops halfway',
  customerId: customerId(7),
  companyId: companyId(1),
  categoryName: 'Bug fix',
  typeName: null,
  tagNames: ['urgent', 'export'],
  teamName: 'Support',
};

describe('workStamp: what a timesheet was billed from', () => {
  const base = workStamp(LINE, TICKET);

  it('is v1, then the line part, then the ticket part, each 16 hex digits', () => {
    expect(base).toMatch(/^v1:[0-9a-f]{16}:[0-9a-f]{16}$/);
    expect(workStamp({ ...LINE }, { ...TICKET })).toBe(base);
  });

  it.each<[string, Partial<WorkLine>]>([
    ['hours', { minutes: minutes(90) }],
    ['date', { date: localDate('2026-10-21') }],
    [
      'description (its prefix names the category)',
      { description: '[Data import] Fixed the export' },
    ],
    ['ticket', { ticketId: ticketId(11) }],
    ['company', { companyId: companyId(2) }],
  ])('changes its line part when the %s changes', (_what, change) => {
    const changed = workStamp({ ...LINE, ...change }, TICKET);
    expect(changed).not.toBe(base);
    expect(ticketPartOf(changed)).toBe(ticketPartOf(base));
  });

  it.each<[string, Partial<TicketFacts>]>([
    ['customer', { customerId: customerId(8) }],
    ['category', { categoryName: 'Training' }],
    ['type', { typeName: 'Question' }],
    ['tags', { tagNames: ['urgent'] }],
    ['team', { teamName: 'Second line' }],
    ['title', { name: 'Export fails on large files' }],
    ['text (keywords classify)', { description: 'The export stops' }],
    ['reference (printed on the line)', { number: 'HT00011' }],
    ['missing customer', { customerId: null }],
  ])('changes its ticket part when the ticket %s changes', (_what, change) => {
    const ticket = { ...TICKET, ...change };
    expect(ticketPartOf(workStamp(LINE, ticket))).toBe(ticketStamp(ticket));
    expect(ticketStamp(ticket)).not.toBe(ticketStamp(TICKET));
  });

  it('does not depend on the order Odoo lists the tags in', () => {
    expect(workStamp(LINE, { ...TICKET, tagNames: ['export', 'urgent'] })).toBe(base);
  });

  it('keeps fields apart: text moved from one field to the next is another stamp', () => {
    expect(ticketStamp({ ...TICKET, name: 'ab', description: 'c' })).not.toBe(
      ticketStamp({ ...TICKET, name: 'a', description: 'bc' }),
    );
  });

  it.each([
    [null, null],
    ['', null],
    ['v1:abc', null],
    ['v2:0000000000000000:1111111111111111', null],
    ['v1:0000000000000000:1111111111111111', '1111111111111111'],
  ])('reads the ticket part of %j as %j', (stamp, part) => {
    expect(ticketPartOf(stamp)).toBe(part);
  });
});
