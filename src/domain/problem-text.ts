import type { Problem, UnknownPrefixProblem } from './problems';
import { formatHours } from './time-units';

function name(problem: Problem): string {
  return `${problem.record.kind} ${problem.record.id}`;
}

/** One sentence naming the record and what to fix. */
export function describeProblem(problem: Problem): string {
  switch (problem.code) {
    case 'LINE_NON_POSITIVE':
      return `Timesheet ${problem.record.id} has ${formatHours(problem.minutes)} h; log a positive duration or delete it.`;
    case 'LINE_OVER_24H':
      return `Timesheet ${problem.record.id} has ${formatHours(problem.minutes)} h, more than a day; split or correct it.`;
    case 'LINE_DUPLICATE':
      return `Timesheet ${problem.record.id} was read twice with different values; re-sync it.`;
    case 'TICKET_NOT_FOUND':
      return `Timesheet ${problem.record.id} refers to ticket ${problem.ticketId}, which was not read; re-sync it.`;
    case 'TICKET_WITHOUT_CUSTOMER':
      return `Ticket ${problem.record.id} has no customer; set the customer on the ticket.`;
    case 'CUSTOMER_NOT_FOUND':
      return `Ticket ${problem.record.id} has customer ${problem.customerId}, which was not read; re-sync it.`;
    case 'COMPANY_MISMATCH':
      return `${capitalise(name(problem))} belongs to company ${problem.actual}, not ${problem.expected}; move it or bill it from that company.`;
    case 'CURRENCY_MISMATCH':
      return `${capitalise(name(problem))} is invoiced in ${problem.actual}, not the company currency ${problem.expected}; fix its pricelist.`;
    case 'NO_AGREEMENT':
      return `Customer ${problem.record.id} has no agreement on ${problem.date} and no default tier is configured; add an agreement.`;
    case 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH':
      return `Agreement ${problem.agreementId} (${problem.tier}) requires ${problem.missing.join(', ')} on ${problem.date}, which the customer does not have; add it or end the agreement.`;
    case 'AGREEMENT_OVERLAP':
      return `Customer ${problem.record.id} has overlapping agreements on ${problem.date}; ${problem.chosen} was used over ${problem.overridden.join(', ')}.`;
    case 'AGREEMENT_UNKNOWN_TIER':
      return `Agreement ${problem.record.id} names tier "${problem.tier}", which is not configured; fix the agreement source or the config.`;
    case 'UNCLASSIFIED':
      return `Timesheet ${problem.record.id} matches no service category; set the ticket category or start the line with [category].`;
    case 'CATEGORY_AMBIGUOUS':
      return `Ticket ${problem.record.id} names several categories (${problem.candidates.join(', ')}); keep one or prefix each line with [category].`;
    case 'LINE_PREFIX_UNKNOWN':
      return `Timesheet ${problem.record.id} starts with [${problem.prefix}], which is not a category: ${prefixFix(problem)}`;
  }
}

function prefixFix(problem: UnknownPrefixProblem): string {
  return problem.suggestion === null
    ? "start the line with a category's label instead."
    : `did you mean "${problem.suggestion}"?`;
}

/**
 * The unknown-prefix problem without its record, for places that sit on the record already (a
 * ticket's review note, a timesheet's mark) or name it beside: `[Bugfix] is not a category: did
 * you mean "Bug fix"?`
 */
export function unknownPrefixSentence(problem: UnknownPrefixProblem): string {
  return `[${problem.prefix}] is not a category: ${prefixFix(problem)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
