import type { Decision } from '../domain/decision';
import type { TicketFacts } from '../domain/facts';
import { unknownPrefixesOf } from '../domain/line-prefix';
import { unknownPrefixSentence } from '../domain/problem-text';
import type { LocalDate } from '../domain/types';

/**
 * A timesheet line whose `[prefix]` names no category, as `tally sync` and `tally report` show it
 * (text and JSON alike): the person who logged it fixes the description.
 */
export interface UnknownPrefixLine {
  readonly period: string;
  readonly timesheetId: number;
  /** The ticket's number, e.g. "HT00031" ("#31" when it was not read). */
  readonly ticket: string;
  readonly date: LocalDate;
  readonly prefix: string;
  /** The label it is closest to; null when none is close. */
  readonly suggestion: string | null;
  /** True: held for review; false: its ticket decided (`linePrefixes.unknown: ticket`). */
  readonly held: boolean;
  /** `[Bugfix] is not a category: did you mean "Bug fix"?` */
  readonly problem: string;
}

/** The lines of a period's decisions that start with an unknown `[prefix]`, in decision order. */
export function unknownPrefixLines(
  period: string,
  decisions: readonly Decision[],
  tickets: ReadonlyMap<string, Pick<TicketFacts, 'number'>>,
): UnknownPrefixLine[] {
  return unknownPrefixesOf(decisions).map(({ decision, problem }) => ({
    period,
    timesheetId: Number(decision.lineId),
    ticket: tickets.get(decision.ticketId)?.number ?? `#${decision.ticketId}`,
    date: decision.date,
    prefix: problem.prefix,
    suggestion: problem.suggestion,
    held: decision.coverage === 'review',
    problem: unknownPrefixSentence(problem),
  }));
}

/** `timesheet 12 (HT00031, 2026-01-21) held for review: [Bugfix] is not a category: ...` */
export function formatUnknownPrefixLine(line: UnknownPrefixLine): string {
  const outcome = line.held ? 'held for review' : 'classified by its ticket';
  return `timesheet ${line.timesheetId} (${line.ticket}, ${line.date}) ${outcome}: ${line.problem}`;
}
