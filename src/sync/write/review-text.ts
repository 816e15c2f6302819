import { unknownPrefixSentence } from '../../domain/problem-text';
import { isBlocking, PROBLEM_CATALOG, type Problem } from '../../domain/problems';

/**
 * What a timesheet mark and a ticket's review note say about held time: the kind of problem, not
 * the record (that the mark sits on the record already, and `tally explain` names it). Generic
 * text is what lets thousands of marks share one write. An unknown `[prefix]` is the exception: its
 * text names the prefix and the label meant, which is what the author must change, and lines with
 * the same slip still share it.
 */
export function reviewSummary(problems: readonly Problem[]): string {
  const meaning = (problem: Problem) =>
    problem.code === 'LINE_PREFIX_UNKNOWN'
      ? unknownPrefixSentence(problem)
      : PROBLEM_CATALOG[problem.code].meaning;
  const meanings = [...new Set(problems.filter(isBlocking).map(meaning))].sort();
  return meanings.length === 0 ? 'Held for review' : `Held for review: ${meanings.join('; ')}`;
}
