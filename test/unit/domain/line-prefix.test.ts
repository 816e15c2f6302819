import type { UnknownPrefixPolicy } from '../../../src/domain';
import {
  categoryKey,
  classifyLine,
  closestLabel,
  describeProblem,
  isBlocking,
  minorUnits,
  unknownPrefixSentence,
} from '../../../src/domain';
import { COMPANY, CUSTOMER, aLine, aTicket, agreementsFor, settingsWith } from './builders';

/** A Patch customer on a "Patching" ticket: the ticket alone would make the work covered. */
function classify(description: string, unknown: UnknownPrefixPolicy = 'hold', ignore = ['WIP']) {
  return classifyLine(
    aLine({ description }),
    {
      company: COMPANY,
      customers: [CUSTOMER],
      tickets: [aTicket({ categoryName: 'Patching' })],
      agreements: agreementsFor('patch'),
    },
    settingsWith({ linePrefixes: { unknown, ignore } }),
  );
}

const unknownPrefix = (prefix: string, suggestion: string | null, held: boolean) => ({
  code: 'LINE_PREFIX_UNKNOWN',
  record: { kind: 'timesheet', id: '1' },
  prefix,
  suggestion,
  held,
});

describe('a line whose [prefix] is not a category', () => {
  it.each([
    ['a label', '[Bug fix] login fails', 'hold', 'billable', 'bug_fix', 'builtin:line-prefix', []],
    ['an alias', '[Licence] renewed', 'hold', 'billable', 'license', 'builtin:line-prefix', []],
    ['a key', '[bug_fix] login fails', 'hold', 'billable', 'bug_fix', 'builtin:line-prefix', []],
    [
      'case and spacing',
      ' [  BUG-FIX ] x',
      'hold',
      'billable',
      'bug_fix',
      'builtin:line-prefix',
      [],
    ],
    [
      'no prefix',
      'Patched the kernel',
      'hold',
      'covered',
      'patching',
      'builtin:ticket-category',
      [],
    ],
    [
      'a prefix later in the text',
      'Patched [Bugfix]',
      'hold',
      'covered',
      'patching',
      'builtin:ticket-category',
      [],
    ],
    [
      'a ticket reference',
      '[HT00031] follow-up',
      'hold',
      'covered',
      'patching',
      'builtin:ticket-category',
      [],
    ],
    ['a #reference', '[#42] x', 'hold', 'covered', 'patching', 'builtin:ticket-category', []],
    ['a checkbox', '[x] done', 'hold', 'covered', 'patching', 'builtin:ticket-category', []],
    ['empty brackets', '[ ] todo', 'hold', 'covered', 'patching', 'builtin:ticket-category', []],
    ['an ignored text', '[wip] x', 'hold', 'covered', 'patching', 'builtin:ticket-category', []],
    [
      'unknown, close to a label: held',
      '[Bugfix] login fails',
      'hold',
      'review',
      'patching',
      'builtin:ticket-category',
      [unknownPrefix('Bugfix', 'Bug fix', true)],
    ],
    [
      'unknown, a swapped pair: held',
      '[Upgarde] to 18',
      'hold',
      'review',
      'patching',
      'builtin:ticket-category',
      [unknownPrefix('Upgarde', 'Upgrade', true)],
    ],
    [
      'unknown, close to nothing: held',
      '[Gardening] hedge',
      'hold',
      'review',
      'patching',
      'builtin:ticket-category',
      [unknownPrefix('Gardening', null, true)],
    ],
    [
      'unknown, the ticket decides when configured',
      '[Bugfix] login fails',
      'ticket',
      'covered',
      'patching',
      'builtin:ticket-category',
      [unknownPrefix('Bugfix', 'Bug fix', false)],
    ],
    [
      'unknown and not on the ignore list',
      '[Draft] x',
      'ticket',
      'covered',
      'patching',
      'builtin:ticket-category',
      [unknownPrefix('Draft', null, false)],
    ],
  ])('%s: %j (%s)', (_case, description, mode, coverage, category, ruleId, problems) => {
    const decision = classify(description, mode as UnknownPrefixPolicy);
    expect(decision.coverage).toBe(coverage);
    expect(decision.category).toBe(category);
    expect(decision.ruleIds[0]).toBe(ruleId);
    expect(decision.problems).toEqual(problems);
  });

  it('held: the reason is one sentence naming the line, the prefix and the label meant', () => {
    const decision = classify('[Bugfix] login fails');
    expect(decision.reason).toBe(
      'Held for review: Timesheet 1 starts with [Bugfix], which is not a category: did you mean "Bug fix"?',
    );
    const [problem] = decision.problems;
    expect(problem !== undefined && isBlocking(problem)).toBe(true);
  });

  it('classified by the ticket: the problem is a warning that still names the fix', () => {
    const [problem] = classify('[Gardening] hedge', 'ticket').problems;
    if (problem?.code !== 'LINE_PREFIX_UNKNOWN') throw new Error('expected LINE_PREFIX_UNKNOWN');
    expect(isBlocking(problem)).toBe(false);
    expect(describeProblem(problem)).toBe(
      "Timesheet 1 starts with [Gardening], which is not a category: start the line with a category's label instead.",
    );
    expect(unknownPrefixSentence({ ...problem, suggestion: 'Bug fix' })).toBe(
      '[Gardening] is not a category: did you mean "Bug fix"?',
    );
  });

  it('ticket mode on a ticket that names no category still holds the line (unclassified)', () => {
    const decision = classifyLine(
      aLine({ description: '[Bugfix] x' }),
      {
        company: COMPANY,
        customers: [CUSTOMER],
        tickets: [aTicket()],
        agreements: agreementsFor('patch'),
      },
      settingsWith({ linePrefixes: { unknown: 'ticket', ignore: [] } }),
    );
    expect(decision.coverage).toBe('review');
    expect(decision.problems.map((problem) => problem.code)).toEqual([
      'LINE_PREFIX_UNKNOWN',
      'UNCLASSIFIED',
    ]);
  });
});

describe('the closest label', () => {
  const category = (key: string, label: string, aliases: string[] = []) => ({
    key: categoryKey(key),
    label,
    aliases,
    hourlyRate: minorUnits(0),
  });
  const categories = [
    category('bug_fix', 'Bug fix'),
    category('license', 'License', ['Licence']),
    category('cart', 'Cart'),
    category('card', 'Card'),
  ];

  it.each([
    ['a missing space', 'Bugfix', 'Bug fix'],
    ['one typo', 'Bug fxi', 'Bug fix'],
    ['close to an alias gives the label', 'Licenc', 'License'],
    ['another word', 'Gardening', null],
    ['too many edits for a short word', 'Fix', null],
    ['equally close to two categories', 'Carx', null],
  ])('%s: %s → %s', (_case, text, expected) => {
    expect(closestLabel(text, categories)).toBe(expected);
  });
});
