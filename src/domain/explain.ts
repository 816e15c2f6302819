import { BUILTIN_RULES } from './categories';
import type { Decision } from './decision';
import { describeProblem } from './problem-text';
import { isBlocking } from './problems';
import { DEFAULT_TIER_RULE } from './tiers';
import { formatHours } from './time-units';

export { describeProblem } from './problem-text';

const CATEGORY_RULE_TEXT: Readonly<Record<string, string>> = {
  [BUILTIN_RULES.linePrefix]: "the [category] prefix of the line's description",
  [BUILTIN_RULES.ticketCategory]: "the ticket's category",
  [BUILTIN_RULES.ticketType]: "the ticket's type",
  [BUILTIN_RULES.ticketTag]: "the ticket's tags",
};

function ruleText(ruleId: string): string {
  if (ruleId in CATEGORY_RULE_TEXT) return `${CATEGORY_RULE_TEXT[ruleId]} (${ruleId})`;
  if (ruleId.startsWith('rule:')) return `configured rule "${ruleId.slice('rule:'.length)}"`;
  if (ruleId === DEFAULT_TIER_RULE) return 'the default tier (no agreement on that day)';
  if (ruleId.startsWith('agreement:')) return `agreement ${ruleId.slice('agreement:'.length)}`;
  if (ruleId === 'coverage:always-billed') return 'the always-billed list';
  if (ruleId.startsWith('coverage:included:')) return `what tier ${ruleId.split(':')[2]} covers`;
  if (ruleId.startsWith('coverage:not-included:'))
    return `what tier ${ruleId.split(':')[2]} excludes`;
  return ruleId;
}

/** Human sentences explaining a decision: the outcome, the rules behind it, and each problem. */
export function explainDecision(decision: Decision): string[] {
  const headline =
    `Timesheet ${decision.lineId} on ticket ${decision.ticketId}, ${decision.date}, ` +
    `${formatHours(decision.minutes)} h: ${decision.coverage}. ${decision.reason}`;
  const sentences = [headline.endsWith('.') ? headline : `${headline}.`];
  if (decision.ruleIds.length > 0) {
    sentences.push(`Decided by ${decision.ruleIds.map(ruleText).join(', then ')}.`);
  }
  for (const problem of decision.problems) {
    sentences.push(`${isBlocking(problem) ? 'Problem' : 'Warning'}: ${describeProblem(problem)}`);
  }
  return sentences;
}
