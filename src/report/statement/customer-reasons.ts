import {
  findTier,
  isBlocking,
  tierKey,
  type EngineSettings,
  type Problem,
  type TierKey,
} from '../../domain';

/**
 * Why work is held back, in words for the customer: the domain's problem texts name timesheet ids
 * and what staff must fix, which belongs in Odoo, not on a statement.
 */
export function customerReason(problem: Problem, settings: EngineSettings): string {
  const tier = (key: TierKey) => findTier(settings, key)?.label ?? key;
  switch (problem.code) {
    case 'LINE_NON_POSITIVE':
      return 'Logged without time; we will correct the entry.';
    case 'LINE_OVER_24H':
      return 'Logged with more than 24 hours in one entry; we will correct it.';
    case 'LINE_DUPLICATE':
      return 'Recorded twice; we will correct the entry.';
    case 'TICKET_NOT_FOUND':
    case 'CUSTOMER_NOT_FOUND':
      return 'Part of the record could not be read; we will check it.';
    case 'TICKET_WITHOUT_CUSTOMER':
      return 'The ticket has no customer set; we will correct it.';
    case 'COMPANY_MISMATCH':
      return 'Recorded under another of our companies; we will move it.';
    case 'CURRENCY_MISMATCH':
      return 'Your account is invoiced in another currency; we will check it.';
    case 'NO_AGREEMENT':
    case 'AGREEMENT_UNKNOWN_TIER':
      return 'We could not match the work to your agreement; we will check your agreements.';
    case 'AGREEMENT_MAINTENANCE_WITHOUT_PATCH':
      return (
        `${tier(problem.tier)} requires ${problem.missing.map((key) => tier(tierKey(key))).join(' and ')}, ` +
        'which was not active; we will check your agreements.'
      );
    case 'UNCLASSIFIED':
      return 'The kind of work is not recorded yet; we will classify it.';
    case 'CATEGORY_AMBIGUOUS':
      return 'The ticket names several kinds of work; we will split it.';
    case 'AGREEMENT_OVERLAP':
      return 'Several of your agreements overlapped; the most extensive one was applied.';
    case 'LINE_PREFIX_UNKNOWN':
      return problem.held
        ? 'An entry named a kind of work we do not know; we will classify it.'
        : 'An entry named a kind of work we do not know; the ticket’s own kind was used.';
  }
}

/** The customer reason of the first blocking problem (the one that held the work back). */
export function heldReason(problems: readonly Problem[], settings: EngineSettings): string {
  const blocking = problems.find(isBlocking) ?? problems[0];
  return blocking === undefined
    ? 'Being checked by our staff.'
    : customerReason(blocking, settings);
}
