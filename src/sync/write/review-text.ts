import { isBlocking, PROBLEM_CATALOG, type Problem } from '../../domain/problems';

/**
 * What a timesheet mark and a ticket's review note say about held time: the kind of problem, not
 * the record (that the mark sits on the record already, and `tally explain` names it). Generic
 * text is what lets thousands of marks share one write.
 */
export function reviewSummary(problems: readonly Problem[]): string {
  const meanings = [
    ...new Set(problems.filter(isBlocking).map((problem) => PROBLEM_CATALOG[problem.code].meaning)),
  ].sort();
  return meanings.length === 0 ? 'Held for review' : `Held for review: ${meanings.join('; ')}`;
}
