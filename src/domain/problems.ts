import type { CategoryKey, CompanyId, CurrencyCode, LocalDate, Minutes, TierKey } from './types';

/**
 * Problems found while deciding: a closed union of codes, each naming the record it is about.
 * Blocking problems send the work to review (never billed); warnings are reported and the
 * decision stands. One weight is the config's to choose (`linePrefixes.unknown`): that problem
 * carries the choice (`held`).
 */

export type RecordKind = 'timesheet' | 'ticket' | 'customer' | 'agreement' | 'pack';

export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: string;
}

interface ProblemBase<C extends string> {
  readonly code: C;
  readonly record: RecordRef;
}

export type Problem =
  | (ProblemBase<'LINE_NON_POSITIVE'> & { readonly minutes: Minutes })
  | (ProblemBase<'LINE_OVER_24H'> & { readonly minutes: Minutes })
  | (ProblemBase<'LINE_DUPLICATE'> & Record<never, never>)
  | (ProblemBase<'TICKET_NOT_FOUND'> & { readonly ticketId: string })
  | (ProblemBase<'TICKET_WITHOUT_CUSTOMER'> & Record<never, never>)
  | (ProblemBase<'CUSTOMER_NOT_FOUND'> & { readonly customerId: string })
  | (ProblemBase<'COMPANY_MISMATCH'> & {
      readonly expected: CompanyId;
      readonly actual: CompanyId;
    })
  | (ProblemBase<'CURRENCY_MISMATCH'> & {
      readonly expected: CurrencyCode;
      readonly actual: CurrencyCode;
    })
  | (ProblemBase<'NO_AGREEMENT'> & { readonly date: LocalDate })
  | (ProblemBase<'AGREEMENT_MAINTENANCE_WITHOUT_PATCH'> & {
      readonly date: LocalDate;
      readonly tier: TierKey;
      readonly missing: readonly TierKey[];
      readonly agreementId: string;
    })
  | (ProblemBase<'AGREEMENT_OVERLAP'> & {
      readonly date: LocalDate;
      readonly chosen: string;
      readonly overridden: readonly string[];
    })
  | (ProblemBase<'AGREEMENT_UNKNOWN_TIER'> & { readonly tier: TierKey })
  | (ProblemBase<'UNCLASSIFIED'> & Record<never, never>)
  | (ProblemBase<'CATEGORY_AMBIGUOUS'> & { readonly candidates: readonly CategoryKey[] })
  | (ProblemBase<'LINE_PREFIX_UNKNOWN'> & {
      /** The bracket text as written, trimmed: "Bugfix". */
      readonly prefix: string;
      /** The label of the category it is closest to, if one is close: "Bug fix". */
      readonly suggestion: string | null;
      /** True: the line is held for review; false: its ticket decided the category. */
      readonly held: boolean;
    });

export type ProblemCode = Problem['code'];

export type UnknownPrefixProblem = Extract<Problem, { code: 'LINE_PREFIX_UNKNOWN' }>;

/**
 * Every problem code, with whether it blocks billing (`configured`: as the config says) and what it
 * means (the documented catalog).
 */
export const PROBLEM_CATALOG: Readonly<
  Record<ProblemCode, { blocking: boolean | 'configured'; meaning: string }>
> = {
  LINE_NON_POSITIVE: { blocking: true, meaning: 'a timesheet line with zero or negative time' },
  LINE_OVER_24H: { blocking: true, meaning: 'a timesheet line with more than 24 hours' },
  LINE_DUPLICATE: { blocking: true, meaning: 'the same timesheet line given twice' },
  TICKET_NOT_FOUND: { blocking: true, meaning: 'a timesheet line whose ticket was not given' },
  TICKET_WITHOUT_CUSTOMER: { blocking: true, meaning: 'a ticket with no customer' },
  CUSTOMER_NOT_FOUND: { blocking: true, meaning: 'a ticket whose customer was not given' },
  COMPANY_MISMATCH: { blocking: true, meaning: 'a record belonging to another company' },
  CURRENCY_MISMATCH: { blocking: true, meaning: 'a customer invoiced in another currency' },
  NO_AGREEMENT: {
    blocking: true,
    meaning: 'no agreement on the line date and no default tier configured',
  },
  AGREEMENT_MAINTENANCE_WITHOUT_PATCH: {
    blocking: true,
    meaning: 'a tier active without a tier it requires (maintenance without patch)',
  },
  AGREEMENT_OVERLAP: {
    blocking: false,
    meaning: 'overlapping agreements of unrelated tiers; the highest tier was used',
  },
  AGREEMENT_UNKNOWN_TIER: { blocking: true, meaning: 'an agreement naming a tier not configured' },
  UNCLASSIFIED: { blocking: true, meaning: 'no rule gave the work a service category' },
  CATEGORY_AMBIGUOUS: {
    blocking: true,
    meaning: 'the ticket names several different service categories',
  },
  LINE_PREFIX_UNKNOWN: {
    blocking: 'configured',
    meaning: 'a line description starts with [something] that is not a category',
  },
};

/** True when the problem sends the work to review. */
export function isBlocking(problem: Problem): boolean {
  if (problem.code === 'LINE_PREFIX_UNKNOWN') return problem.held;
  return PROBLEM_CATALOG[problem.code].blocking === true;
}

/** Shorthand for a record reference. */
export function recordRef(kind: RecordKind, id: string): RecordRef {
  return { kind, id };
}
