import type { Problem } from '../../../src/domain';
import {
  classifyLines,
  companyId,
  currencyCode,
  isBlocking,
  planInvoice,
  ticketId,
} from '../../../src/domain';
import { COMPANY, CUSTOMER, aLine, aPlanInput, aTicket, defaultSettings } from './builders';

function problemsOf(input: Parameters<typeof aPlanInput>[0]): Problem[] {
  const plan = planInvoice(aPlanInput(input), defaultSettings);
  return plan.reviewItems.flatMap((item) => item.problems);
}

describe('bad inputs become typed problems naming the record', () => {
  it.each([
    [
      'a zero line',
      { lines: [aLine({ minutes: 0 })] },
      { code: 'LINE_NON_POSITIVE', record: { kind: 'timesheet', id: '1' }, minutes: 0 },
    ],
    [
      'a negative line',
      { lines: [aLine({ minutes: -30 })] },
      { code: 'LINE_NON_POSITIVE', record: { kind: 'timesheet', id: '1' }, minutes: -30 },
    ],
    [
      'a line over 24 hours',
      { lines: [aLine({ minutes: 1441 })] },
      { code: 'LINE_OVER_24H', record: { kind: 'timesheet', id: '1' }, minutes: 1441 },
    ],
    [
      'a line of another company',
      { lines: [aLine({ companyId: companyId(2) })] },
      {
        code: 'COMPANY_MISMATCH',
        record: { kind: 'timesheet', id: '1' },
        expected: '1',
        actual: '2',
      },
    ],
    [
      'a ticket of another company',
      {
        tickets: [aTicket({ categoryName: 'Bug fix', companyId: companyId(2) })],
        lines: [aLine()],
      },
      { code: 'COMPANY_MISMATCH', record: { kind: 'ticket', id: '7' }, expected: '1', actual: '2' },
    ],
    [
      'a customer of another company',
      { customer: { ...CUSTOMER, companyId: companyId(3) }, lines: [aLine()] },
      {
        code: 'COMPANY_MISMATCH',
        record: { kind: 'customer', id: '45' },
        expected: '1',
        actual: '3',
      },
    ],
    [
      'a customer in another currency',
      { customer: { ...CUSTOMER, currency: currencyCode('EUR') }, lines: [aLine()] },
      {
        code: 'CURRENCY_MISMATCH',
        record: { kind: 'customer', id: '45' },
        expected: 'SEK',
        actual: 'EUR',
      },
    ],
    [
      'a line whose ticket was not read',
      { lines: [aLine({ ticketId: 99 })] },
      { code: 'TICKET_NOT_FOUND', record: { kind: 'timesheet', id: '1' }, ticketId: '99' },
    ],
  ] as const)('%s', (_name, input, problem) => {
    expect(problemsOf(input as Parameters<typeof aPlanInput>[0])).toContainEqual(problem);
  });

  it('accepts exactly 24 hours', () => {
    expect(problemsOf({ lines: [aLine({ minutes: 1440 })] })).toEqual([]);
  });

  it('holds lines of a ticket without a customer for review', () => {
    const [decision] = classifyLines(
      {
        company: COMPANY,
        customers: [CUSTOMER],
        tickets: [aTicket({ customerId: null, categoryName: 'Bug fix' })],
        agreements: [],
        lines: [aLine()],
      },
      defaultSettings,
    );
    expect(decision).toMatchObject({ coverage: 'review', customerId: null });
    expect(decision?.problems).toEqual([
      { code: 'TICKET_WITHOUT_CUSTOMER', record: { kind: 'ticket', id: '7' } },
    ]);
    expect(decision?.reason).toBe(
      'Held for review: Ticket 7 has no customer; set the customer on the ticket.',
    );
  });

  it('flags one line id given twice with different values', () => {
    const decisions = classifyLines(
      {
        company: COMPANY,
        customers: [CUSTOMER],
        tickets: [aTicket({ categoryName: 'Bug fix' })],
        agreements: [],
        lines: [aLine({ minutes: 30 }), aLine({ minutes: 45 }), aLine({ id: 2 }), aLine({ id: 2 })],
      },
      defaultSettings,
    );
    expect(decisions.map((decision) => [decision.lineId, decision.coverage])).toEqual([
      ['1', 'review'],
      ['2', 'billable'],
    ]);
    expect(decisions[0]?.problems[0]?.code).toBe('LINE_DUPLICATE');
  });

  it('never bills a line with a blocking problem and keeps the rest of the run going', () => {
    const plan = planInvoice(
      aPlanInput({
        tickets: [
          aTicket({ categoryName: 'Bug fix' }),
          aTicket({ id: ticketId(8), categoryName: 'Bug fix', number: 'HT8' }),
        ],
        lines: [aLine({ id: 1, minutes: -15 }), aLine({ id: 2, ticketId: 8, minutes: 60 })],
      }),
      defaultSettings,
    );
    expect(plan.totals).toMatchObject({ review: -15, invoiced: 60 });
    expect(plan.reviewItems.every((item) => item.problems.some(isBlocking))).toBe(true);
  });
});
