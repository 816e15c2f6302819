import type { CompanyContext, CustomerFacts, TicketFacts, WorkLine } from './facts';
import type { Problem } from './problems';
import { recordRef } from './problems';
import { MINUTES_PER_DAY } from './types';

/**
 * Checks of the records behind one line that make it unbillable, each naming the record:
 * the line's duration, its ticket, the ticket's customer, and that all of them belong to the
 * planned company and its currency.
 */
export function validateLine(
  line: WorkLine,
  ticket: TicketFacts | undefined,
  customer: CustomerFacts | undefined,
  company: CompanyContext,
): Problem[] {
  const problems: Problem[] = [];
  const lineRef = recordRef('timesheet', line.id);
  if (line.minutes <= 0) {
    problems.push({ code: 'LINE_NON_POSITIVE', record: lineRef, minutes: line.minutes });
  }
  if (line.minutes > MINUTES_PER_DAY) {
    problems.push({ code: 'LINE_OVER_24H', record: lineRef, minutes: line.minutes });
  }
  if (line.companyId !== company.id) {
    problems.push({
      code: 'COMPANY_MISMATCH',
      record: lineRef,
      expected: company.id,
      actual: line.companyId,
    });
  }
  if (!ticket) {
    problems.push({ code: 'TICKET_NOT_FOUND', record: lineRef, ticketId: line.ticketId });
    return problems;
  }
  const ticketRef = recordRef('ticket', ticket.id);
  if (ticket.companyId !== company.id) {
    problems.push({
      code: 'COMPANY_MISMATCH',
      record: ticketRef,
      expected: company.id,
      actual: ticket.companyId,
    });
  }
  if (ticket.customerId === null) {
    problems.push({ code: 'TICKET_WITHOUT_CUSTOMER', record: ticketRef });
    return problems;
  }
  if (!customer) {
    problems.push({ code: 'CUSTOMER_NOT_FOUND', record: ticketRef, customerId: ticket.customerId });
    return problems;
  }
  const customerRef = recordRef('customer', customer.id);
  if (customer.companyId !== null && customer.companyId !== company.id) {
    problems.push({
      code: 'COMPANY_MISMATCH',
      record: customerRef,
      expected: company.id,
      actual: customer.companyId,
    });
  }
  if (customer.currency !== null && customer.currency !== company.currency) {
    problems.push({
      code: 'CURRENCY_MISMATCH',
      record: customerRef,
      expected: company.currency,
      actual: customer.currency,
    });
  }
  return problems;
}
