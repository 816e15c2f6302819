import type { ClassificationRule } from '../../../src/domain';
import { categoryKey, classifyLine } from '../../../src/domain';
import {
  COMPANY,
  CUSTOMER,
  aLine,
  aTicket,
  agreementsFor,
  defaultSettings,
  settingsWith,
} from './builders';

const rule = (
  id: string,
  category: string,
  when: ClassificationRule['when'],
): ClassificationRule => ({
  id,
  category: categoryKey(category),
  when,
});

const settings = settingsWith({
  rules: [
    rule('restore-keywords', 'backup_restore', { keywords: [/\brestore\b/i] }),
    rule('ops-team-patching', 'patching', { team: ['Operations'], ticketTags: ['nightly'] }),
    rule('line-training', 'training', { lineKeywords: [/course|training/i] }),
    rule('type-upgrade', 'upgrade', { ticketType: ['Migration'] }),
  ],
});

function classify(ticket: Parameters<typeof aTicket>[0], description = 'Work', custom = settings) {
  return classifyLine(
    aLine({ description }),
    {
      company: COMPANY,
      customers: [CUSTOMER],
      tickets: [aTicket(ticket)],
      agreements: agreementsFor('maintenance'),
    },
    custom,
  );
}

describe('category resolution', () => {
  it.each([
    [
      'ticket category = label',
      { categoryName: 'Bug fix' },
      'Work',
      'bug_fix',
      'builtin:ticket-category',
    ],
    [
      'ticket category = key',
      { categoryName: 'bug_fix' },
      'Work',
      'bug_fix',
      'builtin:ticket-category',
    ],
    [
      'case and spacing ignored',
      { categoryName: '  BUG-FIX ' },
      'Work',
      'bug_fix',
      'builtin:ticket-category',
    ],
    ['ticket type', { typeName: 'User support' }, 'Work', 'user_support', 'builtin:ticket-type'],
    ['ticket tag', { tagNames: ['urgent', 'Upgrade'] }, 'Work', 'upgrade', 'builtin:ticket-tag'],
    ['alias', { categoryName: 'Licence' }, 'Work', 'license', 'builtin:ticket-category'],
    [
      'category beats type',
      { categoryName: 'Bug fix', typeName: 'Training' },
      'Work',
      'bug_fix',
      'builtin:ticket-category',
    ],
    [
      'line [label] beats ticket',
      { categoryName: 'Bug fix' },
      '[Data import] CSV',
      'data_import',
      'builtin:line-prefix',
    ],
    [
      'line [key] beats ticket',
      { categoryName: 'Bug fix' },
      '[new_functionality] x',
      'new_functionality',
      'builtin:line-prefix',
    ],
    [
      'line prefix beats configured rules',
      { name: 'Please restore' },
      '[Bug fix] y',
      'bug_fix',
      'builtin:line-prefix',
    ],
    [
      'configured keyword rule',
      { name: 'Restore yesterday', categoryName: 'Bug fix' },
      'Work',
      'backup_restore',
      'rule:restore-keywords',
    ],
    [
      'keyword in description',
      { description: 'please RESTORE the db' },
      'Work',
      'backup_restore',
      'rule:restore-keywords',
    ],
    [
      'rule needs all conditions',
      { teamName: 'Operations', tagNames: ['nightly'] },
      'Work',
      'patching',
      'rule:ops-team-patching',
    ],
    [
      'line-level rule',
      { categoryName: 'User support' },
      'Ran a training course',
      'training',
      'rule:line-training',
    ],
    ['type rule', { typeName: 'migration' }, 'Work', 'upgrade', 'rule:type-upgrade'],
  ] as const)('%s', (_name, ticket, description, category, ruleId) => {
    const decision = classify(ticket, description);
    expect(decision.category).toBe(category);
    expect(decision.ruleIds[0]).toBe(ruleId);
  });

  it('mixes covered and billed work on one ticket through line prefixes', () => {
    const covered = classify({ categoryName: 'Bug fix' }, 'Fixed the report');
    const billed = classify({ categoryName: 'Bug fix' }, '[Data import] loaded the price list');
    expect([covered.coverage, billed.coverage]).toEqual(['covered', 'billable']);
  });

  it('does not fire a rule whose conditions only partly hold', () => {
    const decision = classify({ teamName: 'Operations', tagNames: ['daily'] });
    expect(decision.coverage).toBe('review');
  });

  it('sends work that matches nothing to review with UNCLASSIFIED', () => {
    const decision = classify({ name: 'Hello', tagNames: ['vip'] }, 'Call', defaultSettings);
    expect(decision).toMatchObject({ coverage: 'review', category: null });
    expect(decision.problems.map((problem) => problem.code)).toEqual(['UNCLASSIFIED']);
    expect(decision.problems[0]?.record).toEqual({ kind: 'timesheet', id: '1' });
  });

  it('holds a ticket tagged with two categories for review instead of guessing', () => {
    const decision = classify({ tagNames: ['Bug fix', 'Training'] }, 'Work', defaultSettings);
    expect(decision.coverage).toBe('review');
    expect(decision.problems).toEqual([
      {
        code: 'CATEGORY_AMBIGUOUS',
        record: { kind: 'ticket', id: '7' },
        candidates: ['bug_fix', 'training'],
      },
    ]);
  });

  it('takes the first matching configured rule in file order', () => {
    const ordered = settingsWith({
      rules: [
        rule('first', 'training', { keywords: [/x/] }),
        rule('second', 'bug_fix', { keywords: [/x/] }),
      ],
    });
    expect(classify({ name: 'x' }, 'Work', ordered).ruleIds[0]).toBe('rule:first');
  });
});
